// Small progressive enhancements shared by every page. Pages work without JavaScript.
document.addEventListener("DOMContentLoaded", () => {
  // Auto-submit selects marked with data-autosubmit (a submit button remains for keyboard users).
  document.querySelectorAll("select[data-autosubmit]").forEach((select) => {
    select.addEventListener("change", () => select.form.requestSubmit());
  });
  // Buttons that copy text to the clipboard: <button data-copy="#id">.
  document.querySelectorAll("[data-copy]").forEach((button) => {
    button.addEventListener("click", async () => {
      const source = document.querySelector(button.dataset.copy);
      if (!source) return;
      const text = source.value !== undefined ? source.value : source.textContent;
      try {
        await navigator.clipboard.writeText(text.trim());
        const status = document.getElementById(button.dataset.copyStatus || "copy-status");
        if (status) status.textContent = button.dataset.copiedText || "Gekopieerd";
      } catch (e) {
        source.focus();
      }
    });
  });
});

// A text field with a maximum length shows how much room is left once it gets close, so nothing is cut
// off unnoticed (browsers stop typing at the maximum and shorten a paste). Screen readers hear it at a
// few points only, not at every key. Listening on the document also covers fields added later (htmx).
const roomLeftThresholds = (max) => [Math.min(100, Math.round(max / 5)), 20, 0];

const roomLeftText = (left, max) => {
  const texts = document.body.dataset;
  if (left <= 0) return (texts.charsFull || "").replace("{max}", max);
  if (left === 1) return texts.charsLeftOne || "";
  return (texts.charsLeft || "").replace("{n}", left);
};

const roomLeftElements = (field) => {
  let shown = field.nextElementSibling;
  if (shown && shown.classList.contains("field-count")) return [shown, shown.nextElementSibling];
  shown = document.createElement("span");
  shown.className = "field-count";
  shown.setAttribute("aria-hidden", "true");
  const spoken = document.createElement("span");
  spoken.className = "visually-hidden";
  spoken.setAttribute("aria-live", "polite");
  field.after(shown, spoken);
  return [shown, spoken];
};

document.addEventListener("input", (event) => {
  const field = event.target;
  if (!(field instanceof HTMLTextAreaElement || field instanceof HTMLInputElement)) return;
  const max = Number(field.getAttribute("maxlength"));
  if (!(max >= 100)) return;
  const left = max - field.value.length;
  const [warnAt, ...spokenAt] = roomLeftThresholds(max);
  if (left > warnAt && !field.nextElementSibling?.classList.contains("field-count")) return;
  const [shown, spoken] = roomLeftElements(field);
  shown.textContent = left <= warnAt ? roomLeftText(left, max) : "";
  const band = [warnAt, ...spokenAt].filter((point) => left <= point).length;
  if (String(band) !== field.dataset.roomBand) {
    field.dataset.roomBand = String(band);
    spoken.textContent = band > 0 ? roomLeftText(left, max) : "";
  }
});

// A page restored from the back/forward cache is asked again from the server when it was for a signed-in
// person, so it is only shown when it is still allowed (after logging out, or on a tablet handed over).
window.addEventListener("pageshow", (event) => {
  if (event.persisted && document.body.dataset.signedIn !== undefined) window.location.reload();
});
