/** Reading the mails the test SMTP server received: subject and plain-text body, decoded. */
import type { startSmtp } from './voting.ts';

type Smtp = Awaited<ReturnType<typeof startSmtp>>;

const qp = (text: string) =>
  Buffer.from(
    text
      .replace(/=\r?\n/g, '')
      .replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
    'latin1'
  ).toString('utf8');

/** Headers (folded lines joined, encoded words decoded) and body of a MIME entity. */
function entity(raw: string) {
  const split = raw.search(/\r?\n\r?\n/);
  const headers = raw
    .slice(0, split)
    .replace(/\r?\n[ \t]+/g, ' ')
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?utf-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : qp(text.replace(/_/g, ' '))
    );
  return { headers, body: raw.slice(split).replace(/^\r?\n\r?\n/, '') };
}

/** A received mail's subject and plain-text body, transfer encodings undone. */
export function readMail(raw: string) {
  const mail = entity(raw);
  let part = mail;
  const boundary = /boundary="?([^";\s]+)"?/i.exec(mail.headers)?.[1];
  if (boundary) {
    const parts = mail.body
      .split(`--${boundary}`)
      .slice(1, -1)
      .map((text) => entity(text.trimStart()));
    part = parts.find((candidate) => /content-type:\s*text\/plain/i.test(candidate.headers))!;
  }
  let body = part.body;
  if (/content-transfer-encoding:\s*quoted-printable/i.test(part.headers)) body = qp(body);
  else if (/content-transfer-encoding:\s*base64/i.test(part.headers)) {
    body = Buffer.from(body, 'base64').toString('utf8');
  }
  const subject = /(?:^|\n)subject: (.*?)(?:\r?\n|$)/i.exec(mail.headers)?.[1] ?? '';
  return { subject, body: body.replace(/\r\n/g, '\n') };
}

/** Waits until `address` has received `count` mails; answers them, read. */
export async function mailsTo(smtp: Smtp, address: string, count: number) {
  for (let i = 0; i < 200; i += 1) {
    const mails = smtp.messages.filter((message) => message.to.includes(address));
    if (mails.length >= count) return mails.map((mail) => readMail(mail.raw));
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  throw new Error(`${address} did not receive ${count} mail(s)`);
}

/** Lets a mail that should not come have its chance to arrive. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
