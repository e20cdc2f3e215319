// The patient's read view: register the service worker that keeps this plan readable offline,
// say so once it is kept, and show a note while there is no connection.
(() => {
  const script = document.currentScript;
  const ready = document.getElementById("offline-ready");
  const note = document.getElementById("offline-note");
  const showConnection = () => {
    if (note) note.hidden = navigator.onLine;
  };
  window.addEventListener("online", showConnection);
  window.addEventListener("offline", showConnection);
  showConnection();

  if (!("serviceWorker" in navigator) || !script) return;
  navigator.serviceWorker.addEventListener("message", (event) => {
    if (event.data && event.data.kept === window.location.pathname && ready) ready.hidden = false;
  });
  navigator.serviceWorker.startMessages();
  navigator.serviceWorker
    .register(script.dataset.worker, { scope: script.dataset.scope })
    .then(() => navigator.serviceWorker.ready)
    .then((registration) => {
      if (!navigator.onLine) {
        if (ready) ready.hidden = false;
        return;
      }
      const assets = [...document.querySelectorAll("link[rel=stylesheet][href], script[src]")].map(
        (element) => element.href || element.src,
      );
      registration.active.postMessage({ keep: window.location.pathname, assets });
    })
    .catch(() => {
      /* no offline copy; the page itself works as before */
    });
})();
