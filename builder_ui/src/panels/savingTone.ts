// How a saving against all-by-SMS is coloured: green only when there is one. ₩0 (no messages, or only SMS) is
// shown plainly, and a negative saving (channels dearer than SMS) as a warning, never as success.
export type SavingTone = "ok" | "none" | "warning";

export function savingTone(savingKrw: number): SavingTone {
  if (savingKrw > 0) return "ok";
  return savingKrw < 0 ? "warning" : "none";
}

/** The tag classes of a saving figure (`tag` plus its tone's colour). */
export function savingClass(savingKrw: number): string {
  const tone = savingTone(savingKrw);
  return tone === "none" ? "tag" : `tag tag-${tone}`;
}
