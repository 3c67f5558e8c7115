// 经济指标 (the keys keep their first name, metrics.*) — English.
// Typed by ../zh-CN/indicators.ts, so a key missing or extra here fails the type check.
import type zh from '../zh-CN/indicators';

const indicators: typeof zh = {
  metrics: {
    title: 'Economic metrics',
    hint: 'Yearly targets and monthly actuals per unit, with the cumulative value, completion of the target and growth over the same months last year.',
    metric: 'Metric',
    metricPlaceholder: 'Choose or type a new metric',
    year: 'Year',
    month: 'Up to month',
    parent: 'Parent unit',
    unit: 'Unit',
    code: 'Unit code',
    target: 'Yearly target',
    monthN: 'M{n}',
    cumulative: 'Cumulative',
    completion: 'Completion',
    growth: 'YoY',
    lastYear: 'Same period last year',
    total: 'Total',
    due: 'Time elapsed',
    level: { done: 'Yearly target reached', ahead: 'On schedule', behind: 'Slightly behind schedule', 'far-behind': 'Far behind', none: 'No target' },
    chartTitle: 'Completion by unit',
    noData: 'Choose a metric; for a new one, type its name and enter targets and monthly values in the table.',
    noRows: 'No units below this one',
    save: 'Save ({n} changes)',
    saved: 'Saved: {written} values written, {removed} removed, {unchanged} unchanged',
    discard: 'Discard changes',
    reason: 'Note (optional, kept in the audit log)',
    notNumber: 'Not a number',
    fixFirst: 'Some cells need fixing',
    nothingChanged: 'Nothing changed',
    template: 'Download template',
    import: 'Import .xlsx',
    imported: 'Imported: {written} values written, {unchanged} unchanged',
    importHint: 'Template columns: unit code, unit name, metric, year, yearly target, months 1–12; any bad row rejects the whole file.',
    metricRequired: 'Choose or type a metric first',
  },
};

export default indicators;
