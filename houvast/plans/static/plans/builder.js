// Autosave for a part of the plan: saves a moment after typing stops. A save that answers 409
// (someone else saved in between) stops autosaving and shows their text; the user chooses, and a
// plain "Bewaren" shows the conflict again. An answer that is not ours (a login page after the session
// ended, a 403 for a stale CSRF token) stops autosaving too and says so; the text stays on the page and
// the leave-page guard keeps protecting it.
document.addEventListener("DOMContentLoaded", () => {
  // After a post that could not be saved, start at the error summary, so every reader hears it first.
  const summary = document.querySelector("[data-error-summary]");
  if (summary) summary.focus();
  const form = document.querySelector("form[data-autosave]");
  if (!form) return;
  const status = form.querySelector("[data-save-status]");
  const version = form.querySelector("input[name=version]");
  const conflictRegion = document.querySelector("[data-conflict-region]");
  let timer = null;
  let busy = false;
  let again = false;
  let paused = conflictRegion && conflictRegion.children.length > 0;
  let dirty = false;
  let loggedOut = false;

  const say = (text) => { if (status) status.textContent = text; };

  const showErrors = (errors) => {
    form.querySelectorAll("[data-error-for]").forEach((p) => {
      const message = errors[p.dataset.errorFor] || "";
      p.textContent = message;
      const input = form.querySelector(`[name="${p.dataset.errorFor}"]`);
      if (input) {
        if (message) input.setAttribute("aria-invalid", "true");
        else input.removeAttribute("aria-invalid");
      }
    });
  };

  const showNudges = (nudges) => {
    form.querySelectorAll("[data-nudge]").forEach((p) => {
      const text = nudges[p.dataset.nudge] || "";
      if (p.textContent !== text) p.textContent = text;
    });
  };

  // A login page (session ended), a 403 (stale CSRF token) or a 404 (no longer allowed to edit).
  const notForUs = (response) => response.redirected || [401, 403, 404].includes(response.status);
  const isJson = (response) => (response.headers.get("Content-Type") || "").includes("application/json");

  let running = Promise.resolve();
  const save = () => {
    if (busy) { again = true; return running; }
    running = saveNow();
    return running;
  };
  const saveNow = async () => {
    if (paused || loggedOut) return;
    if (busy) { again = true; return; }
    busy = true;
    dirty = false;
    say(form.dataset.textSaving);
    try {
      const response = await fetch(form.action, {
        method: "POST",
        body: new FormData(form),
        headers: { "X-Requested-With": "fetch" },
        credentials: "same-origin",
      });
      if (notForUs(response)) {
        loggedOut = true;
        dirty = true;
        say(form.dataset.textLoggedOut);
        return;
      }
      if (!isJson(response)) throw new Error(`HTTP ${response.status}`);
      const data = await response.json();
      if (response.ok) {
        version.value = data.version;
        showErrors({});
        showNudges(data.nudges || {});
        say(form.dataset.textSaved);
      } else if (response.status === 409) {
        // The form keeps its own version: only the button "Mijn tekst bewaren" may overwrite theirs.
        paused = true;
        conflictRegion.innerHTML = data.html;
        say(form.dataset.textConflict);
        const heading = conflictRegion.querySelector("h2");
        if (heading) { heading.setAttribute("tabindex", "-1"); heading.focus(); }
      } else {
        dirty = true;
        showErrors(data.errors || {});
        say(form.dataset.textError);
      }
    } catch (e) {
      dirty = true;
      say(form.dataset.textOffline);
      setTimeout(schedule, 5000);
    } finally {
      busy = false;
      if (again) { again = false; schedule(); }
    }
  };

  const schedule = () => {
    if (paused) return;
    dirty = true;
    if (loggedOut) return;
    clearTimeout(timer);
    timer = setTimeout(save, 700);
  };

  form.addEventListener("input", schedule);
  form.addEventListener("change", schedule);
  // Text typed before this script ran (a fast typist on a slow device) is saved too.
  const changedBeforeScript = Array.from(form.elements).some((el) =>
    el.type === "checkbox" || el.type === "radio"
      ? el.checked !== el.defaultChecked
      : el.tagName === "SELECT"
        ? el.selectedIndex !== Math.max(0, Array.from(el.options).findIndex((option) => option.defaultSelected))
        : "defaultValue" in el && el.type !== "hidden" && el.value !== el.defaultValue);
  if (changedBeforeScript) schedule();
  // "Bewaren" while an autosave is on its way waits for it, so the form carries the newest version
  // number; when that save found someone else's change, the choice shown comes first.
  form.addEventListener("submit", async (event) => {
    clearTimeout(timer);
    if (!busy) { paused = true; return; }
    event.preventDefault();
    await running;
    clearTimeout(timer);
    if (paused) return;
    paused = true;
    form.requestSubmit(event.submitter);
  });
  window.addEventListener("beforeunload", (event) => {
    if (dirty && !paused) { event.preventDefault(); }
  });
});
