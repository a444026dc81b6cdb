// The download dialog is the browser's own <dialog>: "Tải dữ liệu" opens it as a modal (focus moves into
// it and stays there, Escape closes it), and its close button or a click on the backdrop closes it.
// Delegated from the document: Dash re-renders the page's elements.
document.addEventListener("click", (event) => {
  const opener = event.target.closest(".download-open");
  if (opener) {
    const dialog = opener.parentElement.querySelector("dialog.download-dialog");
    if (dialog && !dialog.open) dialog.showModal();
    return;
  }
  const closer = event.target.closest("[data-dialog-close]");
  if (closer) {
    closer.closest("dialog")?.close();
    return;
  }
  // The dialog has no padding of its own: a click on the element itself is a click on the backdrop.
  if (event.target instanceof HTMLDialogElement && event.target.classList.contains("download-dialog")) {
    event.target.close();
  }
});
