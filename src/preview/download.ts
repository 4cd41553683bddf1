/** Saving bytes as a file from the preview page: a download the browser asks about or saves. */

/**
 * Hands `bytes` to the browser as a download named `fileName` (an .xlsx workbook).
 *
 * @example saveFile(bytes, "aicost-preview.xlsx")
 */
export function saveFile(bytes: Uint8Array, fileName: string): void {
  const url = URL.createObjectURL(new Blob([bytes as BlobPart], { type: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet" }));
  const link = Object.assign(document.createElement("a"), { href: url, download: fileName });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
