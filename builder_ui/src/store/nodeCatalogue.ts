// The node catalogue (GET /api/nodes) is loaded once per page load by the editor. Saving the clinic's procedure
// catalogue changes what trigger filters offer, so that screen marks it stale and the editor loads it again
// the next time it opens (a module flag: the procedures screen need not load the editor's store).
let stale = false;

export function markNodeCatalogueStale(): void {
  stale = true;
}

/** Whether the catalogue must be loaded again (true once after each markNodeCatalogueStale). */
export function takeNodeCatalogueStale(): boolean {
  const was = stale;
  stale = false;
  return was;
}
