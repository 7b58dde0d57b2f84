/**
 * A cloud sweep reads security groups live through a cloud's official SDK. Each cloud has a sweeper (src/sweep/<cloud>/)
 * that lists the targets it can see and reads each target's groups page by page, in the shape `parapet scan` reads
 * from an export of that cloud; the sweep (sweep.ts) writes them as such files and judges them with the same loaders.
 */

export type Cloud = 'aws' | 'azure' | 'gcp';

/** One account and region, subscription or project that a sweep reads. */
export interface SweepTarget {
  /** Unique and stable, safe as a file name: 'aws-123456789012-eu-west-1', 'azure-<subscription id>', 'gcp-<project>'. */
  id: string;
  /** For messages: 'AWS account 123456789012 in eu-west-1', 'Azure subscription <id>', 'GCP project <id>'. */
  label: string;
  /** How its items are written and read back when they are not its cloud's groups: AWS Lightsail's instances. */
  listing?: { listKey: string; inputType: string };
}

/** Why something could not be read, in words fit for a user (the SDK's error code and message, quoted and cut). */
export class SweepFailure extends Error {
  constructor(
    message: string,
    /** 'credentials' when the identity was refused; 'unreadable' otherwise. */
    readonly kind: 'credentials' | 'unreadable' = 'unreadable',
  ) {
    super(message);
  }
}

export interface CloudSweeper {
  cloud: Cloud;
  /**
   * The targets to read: those the options name, or every one the identity can see (every enabled AWS region of each
   * account, every Azure subscription). A listing that fails after the SDK's retries is a failure, with what it concerns;
   * one of a layer that decides access beside the groups (AWS Lightsail's regions) is a note, reported as a warning.
   */
  targets(): Promise<{ targets: SweepTarget[]; failures: { label: string; failure: SweepFailure }[]; notes?: { label: string; message: string }[] }>;
  /**
   * The groups of one target, a page at a time, each item in the shape of the cloud's export that `parapet scan` reads:
   * AWS `describe-security-groups` items (with SecurityGroupArn and OwnerId), Azure NSG objects and security admin
   * rules as the ARM REST API lists them (with id), GCP firewall objects and firewall policies as the Compute REST API
   * lists them (with selfLink). Throws a SweepFailure when the target cannot be read after the SDK's own retries.
   *
   * `note` is told what could not be learnt about the target while its groups could still be read (what uses them,
   * when the network interfaces or instances cannot be listed), or what decides access there that could not be read
   * (GCP firewall policies, Azure security admin rules, when their listing fails): the sweep reports it as a warning.
   */
  pages(target: SweepTarget, note: SweepNote): AsyncIterable<unknown[]>;
}

export type SweepNote = (message: string, id?: 'sweep/attachment-unknown' | 'sweep/not-modelled') => void;

/** What a `parapet sweep` invocation asks of a cloud. */
export interface SweepOptions {
  /** Points every SDK client of the cloud at this endpoint instead of the cloud's own (emulators, tests). */
  endpointUrl?: string;
  /** AWS: these regions instead of every enabled one. */
  regions?: string[];
  /** AWS: roles to assume, one account each (from --assume-role and --accounts-file); none = the caller's own account. */
  assumeRoles?: string[];
  /** Azure: these subscriptions instead of every one the identity can see. */
  subscriptions?: string[];
  /** GCP: the projects to read (required: there is no cheap "every project"). */
  projects?: string[];
}

/** The file name, in a snapshot directory, of a target's groups: read back by `parapet scan` as that cloud's export. */
export function snapshotName(target: SweepTarget): string {
  return `${target.id}.json`;
}
