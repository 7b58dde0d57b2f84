/**
 * Application profiles that Debian and Ubuntu packages install in /etc/ufw/applications.d. Plain and numbered
 * `ufw status` print only the profile name (`OpenSSH`), so this table supplies the ports. The `ports=` values are
 * copied from the files the packages ship: an unknown name is reported, never guessed.
 */
const PROFILES_BY_SOURCE: Record<string, Record<string, string>> = {
  'openssh-server (Debian 12, /etc/ufw/applications.d/openssh-server)': { OpenSSH: '22/tcp' },
  'nginx-common 1.22.1-9+deb12u11 (/etc/ufw/applications.d/nginx)': {
    'Nginx HTTP': '80/tcp',
    'Nginx HTTPS': '443/tcp',
    'Nginx Full': '80,443/tcp',
  },
  'apache2 (Ubuntu only, /etc/ufw/applications.d/apache2-utils.ufw.profile, as quoted in public copies; Debian ships none)': {
    Apache: '80/tcp',
    'Apache Secure': '443/tcp',
    'Apache Full': '80,443/tcp',
  },
  'postfix 3.7.11-0+deb12u1 (/etc/ufw/applications.d/postfix)': {
    Postfix: '25/tcp',
    'Postfix SMTPS': '465/tcp',
    'Postfix Submission': '587/tcp',
  },
  'dovecot-core (Ubuntu only; names and ports not checked against the .deb here — Debian ships no profile)': {
    'Dovecot IMAP': '143/tcp',
    'Dovecot POP3': '110/tcp',
    'Dovecot Secure IMAP': '993/tcp',
    'Dovecot Secure POP3': '995/tcp',
  },
  'samba 4.17.12+dfsg-0+deb12u4 (/etc/ufw/applications.d/samba)': { Samba: '137,138/udp|139,445/tcp' },
  'cups-daemon 2.4.2-3+deb12u9 (/etc/ufw/applications.d/cups)': { CUPS: '631' },
  'bind9 9.18.49-1~deb12u3 (/etc/ufw/applications.d/bind9)': { Bind9: '53' },
  'ufw 0.36.2 (/etc/ufw/applications.d/ufw-*)': {
    Transmission: '51413',
    Deluge: '6881:6891/tcp',
    KTorrent: '6881/tcp|4444/udp',
    qBittorrent: '6881/tcp',
    PeopleNearby: '5353/udp|5298',
    Bonjour: '5353/udp|5298',
    MSN: '1863|6891:6900/tcp|6901',
    'MSN SSL': '443/tcp',
    'Kerberos KDC': '88',
    'Kerberos Admin': '749/tcp',
    'Kerberos Password': '464/udp',
    'Kerberos Full': '88,749/tcp|464/udp',
    DNS: '53',
    CIFS: '137,138/udp|139,445/tcp',
    NFS: '2049,111/tcp|2049,111/udp',
    svnserve: '3690/tcp',
    Telnet: '23/tcp',
    SSH: '22/tcp',
    VNC: '5900/tcp',
    POP3: '110/tcp',
    POP3S: '995/tcp',
    IMAP: '143/tcp',
    IMAPS: '993/tcp',
    IPP: '631',
    LPD: '515/tcp',
    Socks: '1080/tcp',
    'Transparent Proxy': '8081/tcp',
    WWW: '80/tcp',
    'WWW Secure': '443/tcp',
    'WWW Full': '80,443/tcp',
    'WWW Cache': '8080/tcp',
  },
};

/** One `|`-separated entry of a profile's `ports=`: ports in ufw's spec and a protocol ('any' when none is given). */
export interface AppPorts {
  ports: string;
  protocol: string;
}

const PROFILES = new Map<string, AppPorts[]>();
for (const profiles of Object.values(PROFILES_BY_SOURCE)) {
  for (const [name, ports] of Object.entries(profiles)) PROFILES.set(name, parseProfilePorts(ports));
}

/** The ports of a known application profile, or undefined. */
export function appProfilePorts(name: string): AppPorts[] | undefined {
  return PROFILES.get(name);
}

function parseProfilePorts(spec: string): AppPorts[] {
  return spec.split('|').map((entry) => {
    const [ports, protocol = 'any'] = entry.split('/');
    return { ports, protocol };
  });
}
