/**
 * netsh run from cmd.exe writes the console's OEM code page (CP850 on German Windows: `Domäne` has 0x84); a file saved
 * by an ANSI tool is Windows-1252. The input reader hands such non-UTF-8 files over as latin1, one char per byte, so the
 * bytes can be re-read from the text itself. CP437 (US OEM) agrees with CP850 on every letter netsh prints.
 */

/** Bytes 0x80–0xFF in code page 850. */
const CP850_HIGH = 'ÇüéâäàåçêëèïîìÄÅÉæÆôöòûùÿÖÜø£Ø×ƒáíóúñÑªº¿®¬½¼¡«»░▒▓│┤ÁÂÀ©╣║╗╝¢¥┐└┴┬├─┼ãÃ╚╔╩╦╠═╬¤ðÐÊËÈıÍÎÏ┘┌█▄¦Ì▀ÓßÔÒõÕµþÞÚÛÙýÝ¯´\u00ad±‗¾¶§÷¸°¨·¹³²■\u00a0';

export type CodePage = 'cp850' | 'windows-1252';

/**
 * German letters are 0x81/0x84/0x8E/0x94/0x99/0x9A in CP850; Windows-1252 keeps them at 0xC4–0xFC and has only
 * punctuation in 0x80–0x9F, which netsh never prints. So any byte in 0x80–0x9F means OEM.
 */
export function guessCodePage(latin1: string): CodePage {
  return /[\u0080-\u009f]/.test(latin1) ? 'cp850' : 'windows-1252';
}

/** Re-reads text that was decoded as latin1 in the code page its bytes were written in. */
export function redecodeLatin1(latin1: string): { text: string; codePage: CodePage } {
  const codePage = guessCodePage(latin1);
  // Windows-1252 equals latin1 from 0xA0 up, and 0x80–0x9F never reach this branch.
  if (codePage === 'windows-1252') return { text: latin1, codePage };
  return { text: latin1.replace(/[\u0080-\u00ff]/g, (char) => CP850_HIGH[char.charCodeAt(0) - 0x80]), codePage };
}
