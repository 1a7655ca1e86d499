// A throwaway dovecot IMAP server for tests: its own config in a temp folder (127.0.0.1 on a free port, plain
// login without SSL, users from a static passwd-file, maildir in the temp folder, base_dir there too), run as
// the current user in the foreground. Mail is put into a mailbox with IMAP APPEND (imapflow).
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { ImapFlow } from "imapflow";

export type Dovecot = {
  dir: string;
  port: number;
  user: string;
  pass: string;
  url(inbox?: string): string;
  append(raw: Buffer, mailbox?: string): Promise<void>;
  list(mailbox: string): Promise<number>;
  stop(): Promise<void>;
};

const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const s = net.createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const p = (s.address() as net.AddressInfo).port;
      s.close(() => resolve(p));
    });
  });

/** Why dovecot cannot run here, or null when it can. */
export function dovecotMissing(): string | null {
  const r = spawnSync("dovecot", ["--version"], { encoding: "utf8" });
  return r.status === 0 ? null : "dovecot is not installed (apt-get install dovecot-imapd; .ci/run does this)";
}

export async function startDovecot(): Promise<Dovecot> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "dovecot-"));
  const port = await freePort();
  const user = "po";
  const pass = "geheim-wachtwoord";
  const me = os.userInfo();
  // As root (CI containers), dovecot's login and mail processes must run as unprivileged users: the package's
  // dovenull/dovecot users for its own processes, nobody for the mailbox.
  const root = me.uid === 0;
  const mailUid = root ? 65534 : me.uid;
  const mailGid = root ? 65534 : me.gid;
  const loginUser = root ? "dovenull" : me.username;
  const internalUser = root ? "dovecot" : me.username;
  fs.chmodSync(dir, 0o755);
  fs.mkdirSync(path.join(dir, "mail", user), { recursive: true });
  fs.mkdirSync(path.join(dir, "run"), { recursive: true });
  if (root) fs.chownSync(path.join(dir, "mail", user), mailUid, mailGid);
  fs.writeFileSync(
    path.join(dir, "users"),
    `${user}:{PLAIN}${pass}:${mailUid}:${mailGid}::${path.join(dir, "mail", user)}\n`,
  );
  fs.chmodSync(path.join(dir, "users"), 0o644);
  const conf = `
protocols = imap
listen = 127.0.0.1
base_dir = ${path.join(dir, "run")}
state_dir = ${path.join(dir, "run")}
instance_name = test-${port}
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
log_path = ${path.join(dir, "dovecot.log")}
default_login_user = ${loginUser}
default_internal_user = ${internalUser}
first_valid_uid = ${mailUid}
last_valid_uid = ${mailUid}
first_valid_gid = 0
mail_location = maildir:~/Maildir
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
  chroot =
}
service anvil {
  chroot =
}
service auth {
  unix_listener auth-userdb {
    mode = 0666
  }
}
passdb {
  driver = passwd-file
  args = ${path.join(dir, "users")}
}
userdb {
  driver = passwd-file
  args = ${path.join(dir, "users")}
}
protocol imap {
  mail_max_userip_connections = 50
}
`;
  const confFile = path.join(dir, "dovecot.conf");
  fs.writeFileSync(confFile, conf);
  const proc: ChildProcess = spawn("dovecot", ["-F", "-c", confFile], { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  proc.stdout?.on("data", (d) => (output += d));
  proc.stderr?.on("data", (d) => (output += d));
  const up = await new Promise<boolean>((resolve) => {
    let tries = 0;
    const tryConnect = () => {
      const s = net.connect(port, "127.0.0.1");
      s.once("connect", () => {
        s.destroy();
        resolve(true);
      });
      s.once("error", () => {
        if (++tries > 50 || proc.exitCode != null) resolve(false);
        else setTimeout(tryConnect, 100);
      });
    };
    tryConnect();
  });
  const stop = async () => {
    if (proc.exitCode == null) {
      proc.kill("SIGTERM");
      await new Promise((r) => proc.once("exit", r));
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  if (!up) {
    const log = fs.existsSync(path.join(dir, "dovecot.log"))
      ? fs.readFileSync(path.join(dir, "dovecot.log"), "utf8")
      : "";
    await stop();
    throw new Error(`dovecot did not start: ${output}${log}`.slice(0, 2000));
  }
  const client = () => new ImapFlow({ host: "127.0.0.1", port, secure: false, auth: { user, pass }, logger: false });
  return {
    dir,
    port,
    user,
    pass,
    url: (inbox = "INBOX") => `imap://${user}:${pass}@127.0.0.1:${port}/${inbox}`,
    async append(raw, mailbox = "INBOX") {
      const c = client();
      await c.connect();
      await c.append(mailbox, raw);
      await c.logout();
    },
    async list(mailbox) {
      const c = client();
      await c.connect();
      try {
        const s = await c.status(mailbox, { messages: true });
        return s ? (s.messages ?? 0) : 0;
      } catch {
        return 0;
      } finally {
        await c.logout();
      }
    },
    stop,
  };
}
