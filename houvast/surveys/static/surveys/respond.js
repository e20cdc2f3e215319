// Participant form: save a draft on the server while answering, with localStorage as a fallback,
// so a reload or a lost connection loses nothing.
const form = document.getElementById("response-form");
if (form) {
  const key = form.dataset.storageKey;
  const status = document.getElementById("save-status");
  let timer = null;

  const fields = () => Array.from(form.elements).filter((el) => el.name && el.name !== "csrfmiddlewaretoken");

  const snapshot = () => {
    const data = {};
    for (const el of fields()) {
      if (el.type === "radio") {
        if (el.checked) data[el.name] = el.value;
      } else if (el.value) {
        data[el.name] = el.value;
      }
    }
    return data;
  };

  const isEmpty = () => Object.keys(snapshot()).length === 0;

  // The copy on this device says whether the server has it yet ("pending" until a save is confirmed).
  // It is put back when the server had nothing, or when the last save never arrived (for example a
  // lost connection before a reload): then this device holds the newest answers.
  const readStored = () => {
    try {
      const stored = JSON.parse(localStorage.getItem(key) || "null");
      if (!stored || typeof stored !== "object") return null;
      return "answers" in stored ? stored : { answers: stored, pending: false };
    } catch {
      return null; // storage unavailable: the server draft still works
    }
  };
  const writeStored = (answers, pending) => {
    try {
      localStorage.setItem(key, JSON.stringify({ answers, pending }));
    } catch {
      /* storage unavailable: the server draft still works */
    }
  };

  const sameAnswers = (a, b) => JSON.stringify(a) === JSON.stringify(b);

  // A page that comes back with errors shows exactly what was sent, and the server kept that as the draft.
  const returnedWithErrors = Boolean(document.getElementById("form-errors"));
  if (returnedWithErrors) writeStored(snapshot(), false);
  const stored = returnedWithErrors ? null : readStored();
  const restore = stored && (stored.pending || isEmpty()) && !sameAnswers(stored.answers, snapshot());
  if (restore) {
    for (const el of fields()) {
      const value = el.name in stored.answers ? stored.answers[el.name] : "";
      if (el.type === "radio") el.checked = el.value === value;
      else if (el.name in stored.answers || stored.pending) el.value = value;
    }
    status.textContent = form.dataset.restored;
  }

  const save = async ({ restored = false } = {}) => {
    const data = snapshot();
    writeStored(data, true);
    const body = new FormData();
    body.append("csrfmiddlewaretoken", form.elements.csrfmiddlewaretoken.value);
    for (const [name, value] of Object.entries(data)) body.append(name, value);
    try {
      const response = await fetch(form.dataset.draftUrl, { method: "POST", body, credentials: "same-origin" });
      if (response.ok) {
        status.textContent = restored ? `${form.dataset.restored} ${form.dataset.saved}` : form.dataset.saved;
        // Only when nothing changed meanwhile: a later, unconfirmed save stays pending.
        const current = readStored();
        if (current && sameAnswers(current.answers, data)) writeStored(data, false);
      } else if (response.status === 410) status.textContent = form.dataset.closed;
      else if (response.status === 429) status.textContent = form.dataset.busy;
      else status.textContent = form.dataset.notSaved;
    } catch {
      status.textContent = form.dataset.offline;
    }
  };

  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(save, 800);
  };
  form.addEventListener("change", schedule);
  form.addEventListener("input", schedule);
  window.addEventListener("online", save);
  if (restore) save({ restored: true });
  // The copy on this device is removed only once the server confirmed the answers (the thanks page),
  // so a submit that never arrives (lost connection) still loses nothing.

  const errors = document.getElementById("form-errors");
  if (errors) errors.focus();
}

// Thanks page: the answers arrived, so the copy kept on this device is no longer needed.
const sent = document.getElementById("answers-sent");
if (sent) {
  try {
    localStorage.removeItem(sent.dataset.storageKey);
  } catch {
    /* storage unavailable: nothing to remove */
  }
}
