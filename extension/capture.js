// Content script: reads the reservations the receptionist is looking at and hands them to the service worker,
// again whenever the list changes (these pages are single-page apps). Nothing is sent from here.
(() => {
  const site = globalThis.DOCTORSFLOW_SITE;
  const parse = globalThis.DoctorsFlowParse;
  if (!site || !parse) return;
  if (!site.page.test(location.pathname + " " + document.title)) return;
  let last = "";
  let timer = null;

  function send() {
    const reservations = parse.readReservations(site, document);
    const key = JSON.stringify(reservations);
    if (!reservations.length || key === last) return;
    last = key;
    chrome.runtime.sendMessage({ kind: "reservations", site: site.site, reservations }).catch(() => {
      last = ""; // the service worker was asleep or restarting: try again on the next change
    });
  }

  new MutationObserver(() => {
    clearTimeout(timer);
    timer = setTimeout(send, 800);
  }).observe(document.body, { childList: true, subtree: true, characterData: true });
  send();
})();
