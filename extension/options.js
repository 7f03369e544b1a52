// Options: the clinic's event address and webhook secret (kept in this browser's extension storage only),
// and what was sent so far.
const form = document.getElementById("form");
const eventUrl = document.getElementById("eventUrl");
const secret = document.getElementById("secret");

async function load() {
  const stored = await chrome.storage.local.get(["eventUrl", "secret", "status"]);
  eventUrl.value = stored.eventUrl || "";
  secret.value = stored.secret || "";
  const status = stored.status;
  const line = document.getElementById("status");
  if (status) {
    line.textContent = `보냄 / sent ${status.sent || 0} · 실패 / failed ${status.failed || 0} · ${status.at || ""}`;
    if (status.last_error) line.textContent += ` — ${status.last_error}`;
    line.className = status.last_error ? "error" : "ok";
  }
}

form.addEventListener("submit", async (e) => {
  e.preventDefault();
  const url = eventUrl.value.trim();
  if (!/^https?:\/\/.+\/api\/webhooks\/[^/]+\/events$/.test(url)) {
    eventUrl.setCustomValidity("…/api/webhooks/<병원>/events 형식이어야 합니다 / must end in /api/webhooks/<clinic>/events");
    eventUrl.reportValidity();
    return;
  }
  eventUrl.setCustomValidity("");
  await chrome.storage.local.set({ eventUrl: url, secret: secret.value.trim() });
  document.getElementById("saved").hidden = false;
});
eventUrl.addEventListener("input", () => eventUrl.setCustomValidity(""));
chrome.storage.onChanged.addListener(() => void load());
void load();
