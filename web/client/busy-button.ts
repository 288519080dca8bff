/**
 * A form's submit button while its request is out: marked busy (aria-disabled, and its
 * `data-sending-label` text) so a second press does nothing, and restored when it is done.
 */
export function busyButton(button: HTMLButtonElement | null) {
  const label = button?.textContent ?? '';
  let busy = false;
  return {
    get busy(): boolean {
      return busy;
    },
    start(): void {
      busy = true;
      if (!button) return;
      button.setAttribute('aria-disabled', 'true');
      button.textContent = button.dataset.sendingLabel ?? label;
    },
    done(): void {
      busy = false;
      if (!button) return;
      button.removeAttribute('aria-disabled');
      button.textContent = label;
    },
  };
}
