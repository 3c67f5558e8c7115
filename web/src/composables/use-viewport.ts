import { onBeforeUnmount, onMounted, ref } from 'vue';

/** Phone-width breakpoint, shared by the layout and pages that stack on small screens. */
export const PHONE_MAX_WIDTH = 768;

export function useViewport() {
  const width = ref(typeof window === 'undefined' ? 1366 : window.innerWidth);
  const update = () => {
    width.value = window.innerWidth;
  };
  onMounted(() => window.addEventListener('resize', update));
  onBeforeUnmount(() => window.removeEventListener('resize', update));
  return { width, isPhone: () => width.value < PHONE_MAX_WIDTH };
}
