import { createApp } from 'vue';
import { createPinia } from 'pinia';
import { ElMessage } from 'element-plus';
import 'element-plus/dist/index.css';
import './styles.css';
import App from './app.vue';
import { i18n, t } from './i18n';
import { setupRouter } from './router';
import { ApiError, configureHttp } from './api/http';
import { useSessionStore } from './stores/session';

const app = createApp(App);
const pinia = createPinia();
app.use(pinia);
const router = setupRouter(pinia);
app.use(router);
app.use(i18n);

configureHttp({
  onUnauthorized: () => {
    const session = useSessionStore(pinia);
    const wasLoggedIn = session.loggedIn;
    session.clear();
    const current = router.currentRoute.value;
    if (current.name !== 'login') {
      if (wasLoggedIn) ElMessage.warning(t('login.expired'));
      void router.replace({ name: 'login', query: { redirect: current.fullPath } });
    }
  },
  notify: (kind, key) => {
    ElMessage({ type: kind, message: t(key), grouping: true });
  },
});

// A refused request is already reported to the user by the http client; never let it
// surface as an uncaught error that would break the page.
app.config.errorHandler = (error) => {
  if (error instanceof ApiError) return;
  console.error(error);
  ElMessage.error(t('errors.unknown'));
};
window.addEventListener('unhandledrejection', (event) => {
  if (event.reason instanceof ApiError) event.preventDefault();
});

document.documentElement.lang = i18n.global.locale.value;
app.mount('#app');
