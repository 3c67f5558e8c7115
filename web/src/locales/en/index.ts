// English messages: the files of this folder, one per module, merged (see ../zh-CN/index.ts).
import { mergeModules, type Messages } from '../merge';

export default mergeModules(import.meta.glob<Messages>('./*.json', { eager: true, import: 'default' }));
