/** An image type recognised by its first bytes, whatever name or type the client declared. */
export type ImageType = {
  mime: 'image/jpeg' | 'image/png' | 'image/gif' | 'image/webp';
  ext: string;
};

const startsWith = (head: Uint8Array, bytes: readonly number[], at = 0) =>
  bytes.every((byte, index) => head[at + index] === byte);
const ascii = (text: string) => [...text].map((char) => char.charCodeAt(0));

/**
 * JPEG, PNG, GIF or WebP from the file's first 12 bytes ("magic bytes"); null for anything else,
 * SVG and renamed text files included (SVG is text and can carry scripts).
 */
export function detectImageType(head: Uint8Array): ImageType | null {
  if (startsWith(head, [0xff, 0xd8, 0xff])) return { mime: 'image/jpeg', ext: '.jpg' };
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { mime: 'image/png', ext: '.png' };
  }
  if (startsWith(head, ascii('GIF87a')) || startsWith(head, ascii('GIF89a'))) {
    return { mime: 'image/gif', ext: '.gif' };
  }
  if (startsWith(head, ascii('RIFF')) && startsWith(head, ascii('WEBP'), 8)) {
    return { mime: 'image/webp', ext: '.webp' };
  }
  return null;
}
