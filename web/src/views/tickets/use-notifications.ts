// The unread count the header shows: one shared ref, refreshed on login, on each page change and
// every two minutes while the app is open, and by the notification centre after marking read.
import { ref } from 'vue';
import { notificationsApi } from '../../api/tickets';

const unread = ref(0);
let timer: ReturnType<typeof setInterval> | undefined;

async function refresh(): Promise<void> {
  try {
    unread.value = (await notificationsApi.count()).unread;
  } catch {
    // signed out or offline: keep the last count
  }
}

export function useNotifications() {
  if (!timer && typeof window !== 'undefined') timer = setInterval(() => void refresh(), 120_000);
  return { unread, refresh };
}
