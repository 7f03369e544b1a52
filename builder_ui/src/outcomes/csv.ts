// CSV export of a table: UTF-8 with a BOM (Excel opens Korean correctly), quoted cells, and text cells that
// start with = + - @ (or a tab/CR) prefixed with ' so a spreadsheet never runs them as formulas.
export type Cell = string | number | null;

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

export function neutralise(cell: Cell): string {
  if (cell === null) return "";
  if (typeof cell === "number") return String(cell);
  if (/^[=+\-@\t\r]/.test(cell) && !PLAIN_NUMBER.test(cell)) return `'${cell}`;
  return cell;
}

function quote(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function toCsv(headers: string[], rows: Cell[][]): string {
  return [headers, ...rows].map((row) => row.map((c) => quote(neutralise(c))).join(",")).join("\r\n") + "\r\n";
}

export function downloadCsv(filename: string, headers: string[], rows: Cell[][]): void {
  const blob = new Blob(["\ufeff", toCsv(headers, rows)], { type: "text/csv;charset=utf-8" });
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
