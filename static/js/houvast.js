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
