// Honours register — English.
// Typed by ../zh-CN/honours.ts, so a key missing or extra here fails the type check.
import type zh from '../zh-CN/honours';

const honours: typeof zh = {
  honours: {
    menu: 'Honours',
    name: 'Name',
    unit: 'Unit',
    title: 'Title',
    level: 'Level',
    year: 'Year',
    source: 'Source',
    levels: { province: 'Province', city: 'City', county: 'County', town: 'Town' },
    sources: { contest: 'Arena contest', campaign: 'Campaign', manual: 'Document' },
    countText: '{level} {title}: {n} (since {since})',
    none: 'No honours yet',
    add: 'Register a title',
    added: 'Registered',
    documentNo: 'Document no.',
    documentHint: 'e.g. 柯组〔2025〕12号',
    personRequired: 'Choose the holder',
  },
};

export default honours;
