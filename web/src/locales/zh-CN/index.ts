// Chinese (default) messages: the files of this folder, one per module (the same files as
// ../en/), merged. A new module adds <module>.json in both folders; i18n.spec.ts checks that
// both languages have the same keys.
import { mergeModules, type Messages } from '../merge';

export default mergeModules(import.meta.glob<Messages>('./*.json', { eager: true, import: 'default' }));
