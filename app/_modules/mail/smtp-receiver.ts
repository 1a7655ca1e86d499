// The embedded SMTP receiver (nodemailer's smtp-server): takes mail for the desks' addresses only, refuses other
// recipients at RCPT time and oversized mail at the protocol level (SIZE), and answers 250 only after the mail is
// committed — on a failure it answers 451, so the sending server tries again and nothing is lost.
import "server-only";
import { SMTPServer, type SMTPServerOptions } from "smtp-server";
import type { Db } from "@/app/_core/db";
import { logUnexpected } from "@/app/_core/errors";
import type { FileStorage } from "@/app/_modules/storage/storage";
import { deskForAddress, MAX_MAIL_BYTES, receiveMail, type InboundResult } from "./inbound";

export type SmtpReceiver = { server: SMTPServer; port: number; close(): Promise<void> };

type Options = {
  host?: string;
  port?: number;
  storage?: FileStorage;
  maxBytes?: number;
  /** The SQLite URL of `db()`, for the prepared-statement write path (see ReceiveOptions.sqliteUrl). */
  sqliteUrl?: () => string | undefined;
  /** Called after each committed mail (tests, benchmark). */
  onReceived?: (r: InboundResult) => void;
};

function smtpError(message: string, code: number): Error {
  return Object.assign(new Error(message), { responseCode: code });
}

/** Starts the receiver; resolves once it listens (port 0 picks a free port). */
export function startSmtpReceiver(db: () => Db, opts: Options = {}): Promise<SmtpReceiver> {
  const maxBytes = opts.maxBytes ?? MAX_MAIL_BYTES;
  const options: SMTPServerOptions = {
    name: "helpdesk-portal",
    banner: "Onderwijs Helpdesk portal",
    authOptional: true,
    disabledCommands: ["AUTH", "STARTTLS"],
    size: maxBytes,
    logger: false,
    maxClients: 200,
    onRcptTo(address, _session, cb) {
      if (!deskForAddress(address.address))
        return cb(
          smtpError(
            `5.1.1 <${address.address}>: onbekend adres, alleen de adressen van de helpdesks nemen mail aan`,
            550,
          ),
        );
      cb();
    },
    onData(stream, session, cb) {
      const chunks: Buffer[] = [];
      let size = 0;
      stream.on("data", (c: Buffer) => {
        size += c.length;
        if (size <= maxBytes) chunks.push(c);
      });
      stream.on("error", (e) => cb(e));
      stream.on("end", () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded || size > maxBytes) {
          return cb(smtpError(`5.3.4 Bericht te groot: de grens is ${Math.round(maxBytes / 1024 / 1024)} MB`, 552));
        }
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        receiveMail(db(), Buffer.concat(chunks), { recipients, storage: opts.storage, sqliteUrl: opts.sqliteUrl?.() })
          .then((r) => {
            opts.onReceived?.(r);
            cb(null, `2.0.0 Ontvangen${r.reference ? ` ${r.reference}` : ""}`);
          })
          .catch((e) => {
            logUnexpected("smtp-receiver", e);
            cb(smtpError("4.3.0 Tijdelijke fout, probeer het later opnieuw", 451));
          });
      });
    },
  };
  const server = new SMTPServer(options);
  server.on("error", (e) => logUnexpected("smtp-receiver", e));
  return new Promise((resolve, reject) => {
    const onError = (e: Error) => reject(e);
    server.server.once("error", onError);
    server.listen(opts.port ?? 2525, opts.host ?? "127.0.0.1", () => {
      server.server.off("error", onError);
      const addr = server.server.address();
      const port = typeof addr === "object" && addr ? addr.port : (opts.port ?? 2525);
      resolve({ server, port, close: () => new Promise<void>((r) => server.close(() => r())) });
    });
  });
}
