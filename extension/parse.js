// Reading the reservations shown on a booking page with the site's mapping (sites/*.js): one object per row.
// Dates and times are the page's Korean formats; the result is ISO 8601 in Asia/Seoul (+09:00).
globalThis.DoctorsFlowParse = (() => {
  const pad = (n) => String(n).padStart(2, "0");

  /** "2026.12.08(화)", "2026-12-08", "2026년 12월 8일", "20261208", "12.08" (this or next year) → "2026-12-08". */
  function parseDate(text, today = new Date()) {
    const t = (text || "").replace(/\s+/g, " ").trim();
    let m = t.match(/(\d{4})\s*[.\-/년]\s*(\d{1,2})\s*[.\-/월]\s*(\d{1,2})/) || t.match(/(\d{4})(\d{2})(\d{2})/);
    if (m) return `${m[1]}-${pad(m[2])}-${pad(m[3])}`;
    m = t.match(/(\d{1,2})\s*[.\-/월]\s*(\d{1,2})/);
    if (!m) return null;
    let year = today.getFullYear();
    if (Number(m[1]) < today.getMonth() + 1 - 6) year += 1; // "1.05" seen in December is next January
    return `${year}-${pad(m[1])}-${pad(m[2])}`;
  }

  /** "오후 2:30", "14:30", "오전 9시 30분", "2:30 PM" → "14:30". */
  function parseTime(text) {
    const t = (text || "").trim();
    const m = t.match(/(\d{1,2})\s*[:시]\s*(\d{2})?/);
    if (!m) return null;
    let hour = Number(m[1]);
    const minute = Number(m[2] || 0);
    const pm = /오후|PM|pm/.test(t);
    const am = /오전|AM|am/.test(t);
    if (pm && hour < 12) hour += 12;
    if (am && hour === 12) hour = 0;
    if (hour > 23 || minute > 59) return null;
    return `${pad(hour)}:${pad(minute)}`;
  }

  /** Digits of a Korean mobile number, or null (a masked "010-****-1234" is no number). */
  function parsePhone(text) {
    const digits = (text || "").replace(/[^0-9*]/g, "");
    return /^01[016789]\d{7,8}$/.test(digits) ? digits : null;
  }

  function textOf(row, selector) {
    if (!selector) return "";
    const found = row.querySelector(selector);
    return found ? found.textContent.replace(/\s+/g, " ").trim() : "";
  }

  /** The reservations on the page: [{id, name, phone, starts_at, procedure, status}], rows it cannot read skipped. */
  function readReservations(site, root = document, today = new Date()) {
    const out = [];
    for (const row of root.querySelectorAll(site.row)) {
      const idField = site.fields.id;
      const id = (row.getAttribute(idField.attr) || textOf(row, idField.fallback)).trim();
      const statusText = textOf(row, site.fields.status);
      const status = Object.entries(site.statuses).find(([shown]) => statusText.includes(shown));
      const date = parseDate(textOf(row, site.fields.date), today);
      const time = parseTime(textOf(row, site.fields.time)) || "09:00";
      const phone = parsePhone(textOf(row, site.fields.phone));
      if (!id || !status || !date || !phone) continue; // unreadable, or a status we leave to the EMR
      out.push({
        id,
        name: textOf(row, site.fields.name).slice(0, 100),
        phone,
        starts_at: `${date}T${time}:00+09:00`,
        procedure: textOf(row, site.fields.procedure).slice(0, 64),
        status: status[1],
      });
    }
    return out;
  }

  return { parseDate, parseTime, parsePhone, readReservations };
})();
