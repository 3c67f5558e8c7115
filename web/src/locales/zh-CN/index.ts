// Chinese (default) messages: the files of this folder, one per module (the same files as
// ../en/), merged. A new module adds <module>.ts in both folders; i18n.spec.ts checks the keys.
import { mergeModules, type Messages } from '../merge';

export default mergeModules(import.meta.glob<Messages>(['./*.ts', '!./index.ts'], { eager: true, import: 'default' }));
