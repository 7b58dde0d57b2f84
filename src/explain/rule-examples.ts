// Generated from fixtures/ by `npm run docs` (scripts/write-rule-examples.mjs). Do not edit.
// The package ships dist/ only, so `parapet explain` takes its examples from here.
import type { RuleExamples } from './rule-example.js';

export const RULE_EXAMPLES: Readonly<Record<string, RuleExamples>> = {
  "cloud/unused-security-group": {
    "bad": {
      "file": "fixtures/cloud/unused-security-group/bad.aws-sweep.json",
      "lines": [
        "{",
        "    \"SecurityGroups\": [",
        "        {",
        "            \"GroupId\": \"sg-0a1b2c3d4e5f60718\",",
        "            \"GroupName\": \"decommissioned-workers\","
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/cloud/unused-security-group/good.aws-export.json",
      "lines": [
        "    \"SecurityGroups\": [",
        "        {",
        "            \"GroupId\": \"sg-0a1b2c3d4e5f60718\","
      ],
      "marked": [
        1
      ]
    }
  },
  "net/admin-port-untrusted-source": {
    "bad": {
      "file": "fixtures/net/admin-port-untrusted-source/bad.ufw-outside-office/ufw-status.txt",
      "lines": [
        "--                         ------      ----",
        "22/tcp                     ALLOW IN    203.0.113.0/24",
        "22/tcp                     ALLOW IN    198.51.100.7",
        "3389/tcp                   ALLOW IN    10.8.0.0/24",
        "3389                       ALLOW IN    192.0.2.0/24"
      ],
      "marked": [
        2,
        4
      ]
    },
    "good": {
      "file": "fixtures/net/admin-port-untrusted-source/good.no-trusted-networks/ufw-status.txt",
      "lines": [
        "--                         ------      ----",
        "22/tcp                     ALLOW IN    198.51.100.7"
      ],
      "marked": [
        1
      ]
    }
  },
  "net/all-ports-open-to-world": {
    "bad": {
      "file": "fixtures/net/all-ports-open-to-world/bad.aws.json",
      "lines": [
        "                    \"IpRanges\": [",
        "                        {",
        "                            \"CidrIp\": \"0.0.0.0/0\"",
        "                        }",
        "                    ],"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/net/all-ports-open-to-world/good.aws.json",
      "lines": [
        "                        {",
        "                            \"CidrIp\": \"10.0.0.0/16\"",
        "                        }"
      ],
      "marked": [
        1
      ]
    }
  },
  "net/app-port-public": {
    "bad": {
      "file": "fixtures/net/app-port-public/bad.aws.json",
      "lines": [
        "                    \"IpRanges\": [",
        "                        {",
        "                            \"CidrIp\": \"0.0.0.0/0\"",
        "                        }",
        "                    ],"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/net/app-port-public/good.aws.json",
      "lines": [
        "                        {",
        "                            \"CidrIp\": \"10.0.0.0/8\"",
        "                        }"
      ],
      "marked": [
        1
      ]
    }
  },
  "net/default-inbound-allow": {
    "bad": {
      "file": "fixtures/net/default-inbound-allow/bad.ufw-verbose.txt",
      "lines": [
        "Status: active",
        "Logging: on (low)",
        "Default: allow (incoming), allow (outgoing), disabled (routed)",
        "New profiles: skip"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/net/default-inbound-allow/good.ufw-verbose.txt",
      "lines": [
        "Logging: on (low)",
        "Default: deny (incoming), allow (outgoing), disabled (routed)",
        "New profiles: skip"
      ],
      "marked": [
        1
      ]
    }
  },
  "net/egress-open-to-world": {
    "bad": {
      "file": "fixtures/net/egress-open-to-world/bad.terraform.tf",
      "lines": [
        "}",
        "",
        "resource \"aws_vpc_security_group_egress_rule\" \"all_out\" {",
        "  security_group_id = aws_security_group.worker.id",
        "  ip_protocol       = \"-1\""
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/net/egress-open-to-world/good.terraform.tf",
      "lines": [
        "# Terraform removes the allow-all egress rule EC2 creates: a group without egress blocks sends nothing.",
        "resource \"aws_security_group\" \"worker\" {",
        "  name = \"worker\""
      ],
      "marked": [
        1
      ]
    }
  },
  "net/firewall-disabled": {
    "bad": {
      "file": "fixtures/net/firewall-disabled/bad.netsh-de.txt",
      "lines": [
        "Einstellungen für Domänenprofil:",
        "----------------------------------------------------------------------",
        "Status                                AUS",
        "Firewallrichtlinie                    BlockInbound,AllowOutbound"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/net/firewall-disabled/good.core-ufw-verbose.txt",
      "lines": [
        "Status: active",
        "Logging: on (low)"
      ],
      "marked": [
        0
      ]
    }
  },
  "net/rdp-open-to-world": {
    "bad": {
      "file": "fixtures/net/rdp-open-to-world/bad.aws.json",
      "lines": [
        "                    \"IpRanges\": [",
        "                        {",
        "                            \"CidrIp\": \"0.0.0.0/0\"",
        "                        }",
        "                    ],"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/net/rdp-open-to-world/good.aws.json",
      "lines": [
        "                        {",
        "                            \"CidrIp\": \"10.8.0.0/16\",",
        "                            \"Description\": \"client VPN\""
      ],
      "marked": [
        1
      ]
    }
  },
  "net/risky-port-open-to-world": {
    "bad": {
      "file": "fixtures/net/risky-port-open-to-world/bad.aws.json",
      "lines": [
        "                    \"IpRanges\": [",
        "                        {",
        "                            \"CidrIp\": \"0.0.0.0/0\"",
        "                        }",
        "                    ],"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/net/risky-port-open-to-world/good.aws.json",
      "lines": [
        "                        {",
        "                            \"CidrIp\": \"10.0.0.0/8\"",
        "                        }"
      ],
      "marked": [
        1
      ]
    }
  },
  "net/shadowed-rule": {
    "bad": {
      "file": "fixtures/net/shadowed-rule/bad.azure.json",
      "lines": [
        "                \"provisioningState\": \"Succeeded\"",
        "            },",
        "            {",
        "                \"name\": \"allow-ssh-support\",",
        "                \"id\": \"/subscriptions/5f1c0e4a-7d2b-4c39-9a61-0b8e3d2f6a17/resourceGroups/rg-prod/providers/Microsoft.Network/networkSecurityGroups/app-nsg/sec…"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/net/shadowed-rule/good.azure.json",
      "lines": [
        "            },",
        "            {",
        "                \"name\": \"allow-ssh\","
      ],
      "marked": [
        1
      ]
    }
  },
  "net/ssh-open-to-world": {
    "bad": {
      "file": "fixtures/net/ssh-open-to-world/bad.aws.json",
      "lines": [
        "                    \"IpRanges\": [",
        "                        {",
        "                            \"CidrIp\": \"0.0.0.0/0\",",
        "                            \"Description\": \"ssh from anywhere\"",
        "                        }"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/net/ssh-open-to-world/good.aws.json",
      "lines": [
        "                        {",
        "                            \"CidrIp\": \"203.0.113.10/32\",",
        "                            \"Description\": \"office\""
      ],
      "marked": [
        1
      ]
    }
  },
  "net/windows-public-profile": {
    "bad": {
      "file": "fixtures/net/windows-public-profile/bad.netsh.txt",
      "lines": [
        "Ok.",
        "",
        "Rule Name:                            SingleStore Flow (TCP 8081)",
        "----------------------------------------------------------------------",
        "Enabled:                              Yes"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/net/windows-public-profile/good.netsh.txt",
      "lines": [
        "Rule Name:                            SingleStore Flow (TCP 8081)",
        "----------------------------------------------------------------------"
      ],
      "marked": [
        0
      ]
    }
  },
  "sshd/agent-forwarding": {
    "bad": {
      "file": "fixtures/sshd/agent-forwarding/bad.match.sshd_config",
      "lines": [
        "Match Group admins",
        "    AllowAgentForwarding yes"
      ],
      "marked": [
        1
      ]
    },
    "good": {
      "file": "fixtures/sshd/agent-forwarding/good.sshd_config",
      "lines": [
        "AllowAgentForwarding no",
        "AllowTcpForwarding no"
      ],
      "marked": [
        0
      ]
    }
  },
  "sshd/allow-users": {
    "bad": {
      "file": "fixtures/sshd/allow-users/bad.match.sshd_config",
      "lines": [
        "# Let the whole office in.",
        "Match Address 192.0.2.0/24",
        "    AllowUsers *"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/allow-users/good.sshd_config",
      "lines": [
        "AllowUsers your-username # Only allow a specific user"
      ],
      "marked": [
        0
      ]
    }
  },
  "sshd/client-alive": {
    "bad": {
      "file": "fixtures/sshd/client-alive/bad.countmax-zero.sshd_config",
      "lines": [
        "#Compression delayed",
        "ClientAliveInterval 300",
        "ClientAliveCountMax 0",
        "#ShowPatchLevel no",
        "#UseDNS yes"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/client-alive/good.sshd_config",
      "lines": [
        "ClientAliveInterval 5m",
        "ClientAliveCountMax 3",
        "PrintMotd no"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/gateway-ports": {
    "bad": {
      "file": "fixtures/sshd/gateway-ports/bad.sshd_config",
      "lines": [
        "PubkeyAuthentication yes",
        "X11Forwarding yes",
        "GatewayPorts yes",
        "ClientAliveInterval 60",
        "ClientAliveCountMax 3"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/gateway-ports/good.sshd_config",
      "lines": [
        "AllowTcpForwarding no",
        "GatewayPorts no",
        "X11Forwarding no"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/hostbased-authentication": {
    "bad": {
      "file": "fixtures/sshd/hostbased-authentication/bad.sshd_config",
      "lines": [
        "# For this to work you will also need host keys in /etc/ssh/ssh_known_hosts",
        "HostbasedAuthentication yes",
        "# Change to yes if you don't trust ~/.ssh/known_hosts for",
        "# HostbasedAuthentication"
      ],
      "marked": [
        1
      ]
    },
    "good": {
      "file": "fixtures/sshd/hostbased-authentication/good.sshd_config",
      "lines": [
        "AuthorizedKeysFile .ssh/authorized_keys",
        "HostbasedAuthentication no",
        "IgnoreRhosts yes"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/ignore-rhosts": {
    "bad": {
      "file": "fixtures/sshd/ignore-rhosts/bad.sshd_config",
      "lines": [
        "#IgnoreUserKnownHosts no",
        "# Don't read the user's ~/.rhosts and ~/.shosts files",
        "IgnoreRhosts no",
        "",
        "# To disable tunneled clear text passwords, change to no here!"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/ignore-rhosts/good.sshd_config",
      "lines": [
        "HostbasedAuthentication no",
        "IgnoreRhosts yes"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/invalid-config": {
    "bad": {
      "file": "fixtures/sshd/invalid-config/bad.sshd_config",
      "lines": [
        "# Authentication:",
        "LoginGraceTime 30",
        "PermitRootLogin maybe",
        "StrictModes yes",
        "MaxAuthTries 3"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/invalid-config/good.sshd_config",
      "lines": [
        "LoginGraceTime 30",
        "PermitRootLogin no",
        "StrictModes yes"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/kbd-interactive-authentication": {
    "bad": {
      "file": "fixtures/sshd/kbd-interactive-authentication/bad.sshd_config",
      "lines": [
        "# Change to yes to enable challenge-response passwords (beware issues with",
        "# some PAM modules and threads)",
        "ChallengeResponseAuthentication yes",
        "",
        "# Kerberos options"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/kbd-interactive-authentication/good.sshd_config",
      "lines": [
        "# some PAM modules and threads)",
        "KbdInteractiveAuthentication no"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/log-level": {
    "bad": {
      "file": "fixtures/sshd/log-level/bad.sshd_config",
      "lines": [
        "#SyslogFacility AUTH",
        "SyslogFacility AUTHPRIV",
        "LogLevel INFO",
        "",
        "# Authentication:"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/log-level/good.sshd_config",
      "lines": [
        "SyslogFacility AUTH",
        "LogLevel verbose"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/login-grace-time": {
    "bad": {
      "file": "fixtures/sshd/login-grace-time/bad.sshd_config",
      "lines": [
        "# Authentication:",
        "LoginGraceTime 2m",
        "PermitRootLogin no",
        "StrictModes yes"
      ],
      "marked": [
        1
      ]
    },
    "good": {
      "file": "fixtures/sshd/login-grace-time/good.sshd_config",
      "lines": [
        "# Authentication:",
        "LoginGraceTime 1m",
        "PermitRootLogin no"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/max-auth-tries": {
    "bad": {
      "file": "fixtures/sshd/max-auth-tries/bad.sshd_config",
      "lines": [
        "PermitRootLogin no",
        "StrictModes yes",
        "MaxAuthTries 10",
        "MaxSessions 4",
        "MaxStartups 10:30:60"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/max-auth-tries/good.sshd_config",
      "lines": [
        "StrictModes yes",
        "MaxAuthTries 4",
        "MaxSessions 4"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/max-sessions": {
    "bad": {
      "file": "fixtures/sshd/max-sessions/bad.sshd_config",
      "lines": [
        "StrictModes yes",
        "MaxAuthTries 3",
        "MaxSessions 64",
        "MaxStartups 10:30:60"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/max-sessions/good.sshd_config",
      "lines": [
        "MaxAuthTries 3",
        "MaxSessions 10",
        "MaxStartups 10:30:60"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/max-startups": {
    "bad": {
      "file": "fixtures/sshd/max-startups/bad.sshd_config",
      "lines": [
        "MaxAuthTries 3",
        "MaxSessions 4",
        "MaxStartups 10:30:200",
        "",
        "PubkeyAuthentication yes"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/max-startups/good.sshd_config",
      "lines": [
        "MaxSessions 4",
        "MaxStartups 10:30:60"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/mfa": {
    "bad": {
      "file": "fixtures/sshd/mfa/bad.sshd_config",
      "lines": [
        "# Password based logins are disabled - only public key based logins are allowed.",
        "AuthenticationMethods publickey",
        "",
        "# LogLevel VERBOSE logs user's key fingerprint on login. Needed to have a clear audit track of which key was using to log in."
      ],
      "marked": [
        1
      ]
    },
    "good": {
      "file": "fixtures/sshd/mfa/good.sshd_config",
      "lines": [
        "UsePAM yes",
        "AuthenticationMethods publickey,keyboard-interactive:pam"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/password-authentication": {
    "bad": {
      "file": "fixtures/sshd/password-authentication/bad.sshd_config",
      "lines": [
        "# To disable tunneled clear text passwords, change to no here!",
        "PasswordAuthentication yes",
        "#PermitEmptyPasswords no"
      ],
      "marked": [
        1
      ]
    },
    "good": {
      "file": "fixtures/sshd/password-authentication/good.sshd_config",
      "lines": [
        "# Keys first, then a one-time code from PAM (pam_google_authenticator).",
        "PasswordAuthentication no",
        "PermitEmptyPasswords no"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/permit-empty-passwords": {
    "bad": {
      "file": "fixtures/sshd/permit-empty-passwords/bad.sshd_config",
      "lines": [
        "# To disable tunneled clear text passwords, change to no here!",
        "#PasswordAuthentication yes",
        "PermitEmptyPasswords yes",
        "",
        "# Change to yes to enable challenge-response passwords (beware issues with"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/permit-empty-passwords/good.sshd_config",
      "lines": [
        "PasswordAuthentication no",
        "PermitEmptyPasswords no",
        "KbdInteractiveAuthentication yes"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/permit-root-login": {
    "bad": {
      "file": "fixtures/sshd/permit-root-login/bad.sshd_config",
      "lines": [
        "#LoginGraceTime 2m",
        "PermitRootLogin yes",
        "#StrictModes yes",
        "#MaxAuthTries 6"
      ],
      "marked": [
        1
      ]
    },
    "good": {
      "file": "fixtures/sshd/permit-root-login/good.sshd_config",
      "lines": [
        "LoginGraceTime 30",
        "PermitRootLogin no",
        "StrictModes yes"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/permit-tunnel": {
    "bad": {
      "file": "fixtures/sshd/permit-tunnel/bad.sshd_config",
      "lines": [
        "#PidFile /run/sshd.pid",
        "#MaxStartups 10:30:100",
        "PermitTunnel yes",
        "#ChrootDirectory none",
        "#VersionAddendum none"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/permit-tunnel/good.sshd_config",
      "lines": [
        "X11Forwarding no",
        "PermitTunnel no",
        "PermitUserEnvironment no"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/permit-user-environment": {
    "bad": {
      "file": "fixtures/sshd/permit-user-environment/bad.sshd_config",
      "lines": [
        "#PrintLastLog yes",
        "#TCPKeepAlive yes",
        "PermitUserEnvironment yes",
        "#Compression delayed",
        "#ClientAliveInterval 0"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/permit-user-environment/good.sshd_config",
      "lines": [
        "PermitTunnel no",
        "PermitUserEnvironment no",
        "ClientAliveInterval 300"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/pubkey-authentication": {
    "bad": {
      "file": "fixtures/sshd/pubkey-authentication/bad.sshd_config",
      "lines": [
        "#MaxSessions 10",
        "",
        "PubkeyAuthentication no",
        "",
        "# Expect .ssh/authorized_keys2 to be disregarded by default in future."
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/pubkey-authentication/good.sshd_config",
      "lines": [
        "PubkeyAuthentication yes",
        "AuthorizedKeysFile .ssh/authorized_keys"
      ],
      "marked": [
        0
      ]
    }
  },
  "sshd/strict-modes": {
    "bad": {
      "file": "fixtures/sshd/strict-modes/bad.sshd_config",
      "lines": [
        "#LoginGraceTime 2m",
        "#PermitRootLogin prohibit-password",
        "StrictModes no",
        "#MaxAuthTries 6",
        "#MaxSessions 10"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/strict-modes/good.sshd_config",
      "lines": [
        "PermitRootLogin no",
        "StrictModes yes",
        "MaxAuthTries 3"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/tcp-forwarding": {
    "bad": {
      "file": "fixtures/sshd/tcp-forwarding/bad.match.sshd_config",
      "lines": [
        "Match User tunnel",
        "    AllowTcpForwarding yes",
        "    PermitOpen db.internal:5432"
      ],
      "marked": [
        1
      ]
    },
    "good": {
      "file": "fixtures/sshd/tcp-forwarding/good.sshd_config",
      "lines": [
        "AllowAgentForwarding no",
        "AllowTcpForwarding no",
        "GatewayPorts no"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/weak-algorithms": {
    "bad": {
      "file": "fixtures/sshd/weak-algorithms/bad.cbc.sshd_config",
      "lines": [
        "# Ciphers and keying",
        "KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,dif…",
        "Ciphers aes256-ctr,aes192-ctr,aes128-ctr,aes256-cbc,aes128-cbc,3des-cbc",
        "MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/weak-algorithms/good.sshd_config",
      "lines": [
        "KexAlgorithms sntrup761x25519-sha512@openssh.com,curve25519-sha256,curve25519-sha256@libssh.org,diffie-hellman-group16-sha512,diffie-hellman-group18-sha512,dif…",
        "Ciphers chacha20-poly1305@openssh.com,aes256-gcm@openssh.com,aes128-gcm@openssh.com,aes256-ctr,aes192-ctr,aes128-ctr",
        "MACs hmac-sha2-512-etm@openssh.com,hmac-sha2-256-etm@openssh.com,umac-128-etm@openssh.com"
      ],
      "marked": [
        1
      ]
    }
  },
  "sshd/x11-forwarding": {
    "bad": {
      "file": "fixtures/sshd/x11-forwarding/bad.sshd_config",
      "lines": [
        "#AllowTcpForwarding yes",
        "#GatewayPorts no",
        "X11Forwarding yes",
        "#X11DisplayOffset 10",
        "#X11UseLocalhost yes"
      ],
      "marked": [
        2
      ]
    },
    "good": {
      "file": "fixtures/sshd/x11-forwarding/good.sshd_config",
      "lines": [
        "GatewayPorts no",
        "X11Forwarding no",
        "PermitTunnel no"
      ],
      "marked": [
        1
      ]
    }
  }
};
