// A printable page (award list, 公示) puts `print-sheet` on <body> while it is mounted: the
// print rules in styles.css then print the sheet alone, without the shell.
import { onBeforeUnmount, onMounted } from 'vue';

/** Marks the page printable while mounted; returns the print action for its button. */
export function usePrintSheet(): () => void {
  onMounted(() => document.body.classList.add('print-sheet'));
  onBeforeUnmount(() => document.body.classList.remove('print-sheet'));
  return () => window.print();
}
