// Service worker: turns reservations into DoctorsFlow events, signs them (HMAC-SHA256, docs/webhooks.md) and
// sends them to the clinic's event address. What was sent is remembered per reservation, so a page shown
// again sends nothing; a changed time sends appointment.rescheduled, a cancellation appointment.cancelled.
// The server also de-duplicates on (type, external_id), so a retry after a lost answer starts nothing twice.

const SEEN = "seen"; // {"naver-123": {"starts_at": "...", "status": "booked"}}
const STATUS = "status"; // {"at", "sent", "failed", "last_error"}

async function settings() {
  const stored = await chrome.storage.local.get(["eventUrl", "secret"]);
  return { eventUrl: (stored.eventUrl || "").trim(), secret: (stored.secret || "").trim() };
}

function hex(buffer) {
  return [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

async function signature(secret, timestamp, body) {
  const key = await crypto.subtle.importKey("raw", new TextEncoder().encode(secret), { name: "HMAC", hash: "SHA-256" }, false, ["sign"]);
  const message = new TextEncoder().encode(`${timestamp}.${body}`);
  return hex(await crypto.subtle.sign("HMAC", key, message));
}

/** The event for one reservation given what was sent before, or null when nothing changed. */
function eventFor(site, r, before) {
  const appointmentId = `${site}-${r.id}`;
  let type = null;
  let externalId = appointmentId;
  if (!before) {
    if (r.status === "cancelled") return null; // never seen booked: nothing of ours to cancel
    type = "appointment.booked";
  } else if (r.status === "cancelled" && before.status !== "cancelled") {
    type = "appointment.cancelled";
  } else if (r.status !== "cancelled" && before.status === "cancelled") {
    type = "appointment.booked"; // booked again after a cancellation
    externalId = `${appointmentId}@${r.starts_at}`;
  } else if (r.status !== "cancelled" && r.starts_at !== before.starts_at) {
    type = "appointment.rescheduled";
    externalId = `${appointmentId}@${r.starts_at}`;
  }
  if (!type) return null;
  const appointment = { id: appointmentId, starts_at: r.starts_at };
  if (r.procedure) appointment.procedure = r.procedure;
  const patient = { phone: r.phone };
  if (r.name) patient.name = r.name;
  return { type, external_id: externalId, occurred_at: new Date().toISOString(), patient, appointment };
}

async function post(config, event) {
  const body = JSON.stringify(event);
  const t = Math.floor(Date.now() / 1000);
  const v1 = await signature(config.secret, t, body);
  const answer = await fetch(config.eventUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json", "X-DoctorsFlow-Signature": `t=${t},v1=${v1}` },
    body,
  });
  if (answer.status === 200 || answer.status === 201) return null;
  let reason = `HTTP ${answer.status}`;
  try {
    const problems = (await answer.json()).errors || [];
    if (problems.length) reason = problems.map((p) => p.message).join("; ");
  } catch {
    // not JSON: keep the status
  }
  return reason;
}

let queue = Promise.resolve(); // one batch at a time: two pages open must not send the same change twice

async function handle(site, reservations) {
  const config = await settings();
  const stored = await chrome.storage.local.get([SEEN, STATUS]);
  const seen = stored[SEEN] || {};
  const status = stored[STATUS] || { sent: 0, failed: 0 };
  if (!config.eventUrl || !config.secret) {
    status.last_error = "설정에서 이벤트 주소와 비밀키를 넣어 주세요 / set the event address and secret in the options";
    await chrome.storage.local.set({ [STATUS]: { ...status, at: new Date().toISOString() } });
    return;
  }
  for (const r of reservations) {
    const key = `${site}-${r.id}`;
    const event = eventFor(site, r, seen[key]);
    if (!event) {
      if (!seen[key]) seen[key] = { starts_at: r.starts_at, status: r.status };
      continue;
    }
    let error = null;
    try {
      error = await post(config, event);
    } catch (e) {
      error = `연결 실패 / cannot reach the server: ${e}`;
    }
    if (error) {
      status.failed = (status.failed || 0) + 1;
      status.last_error = error; // not remembered as sent: the next look at the page tries again
    } else {
      status.sent = (status.sent || 0) + 1;
      status.last_error = null;
      seen[key] = { starts_at: r.starts_at, status: r.status };
    }
  }
  await chrome.storage.local.set({ [SEEN]: seen, [STATUS]: { ...status, at: new Date().toISOString() } });
}

chrome.runtime.onMessage.addListener((message, _sender, reply) => {
  if (message && message.kind === "reservations" && Array.isArray(message.reservations)) {
    queue = queue.then(() => handle(String(message.site), message.reservations)).catch(() => undefined);
    queue.then(() => reply({ ok: true }));
    return true; // answered asynchronously
  }
  return false;
});
