// 导入导出 — English.
// Typed by ../zh-CN/exchange.ts, so a key missing or extra here fails the type check.
import type zh from '../zh-CN/exchange';

const exchange: typeof zh = {
  exchange: {
    title: 'Import / Export',
    importTitle: 'Import roster',
    importHint: '.xlsx or .csv; if any row is wrong nothing is imported.',
    chooseFile: 'Choose file',
    template: 'Download template',
    uploading: 'Uploading {pct}%',
    processing: 'The server is checking and importing…',
    success: 'Imported {imported} people',
    successUnits: ' in {units} units',
    successPositions: ', {positions} positions',
    failed: 'Import refused: {n} rows are wrong. Nothing was written.',
    failedErrors: 'Import failed: {n} rows have errors ({m} in all); nothing was written.',
    preview: 'Check passed: {created} people to add, {updated} to update, {unchanged} unchanged ({rows} rows). Nothing is written until you confirm.',
    confirmImport: 'Import',
    cancelImport: 'Cancel',
    previewing: 'The server is checking the file…',
    successCounts: 'Imported: {created} added, {updated} updated, {unchanged} unchanged, {positions} positions',
    changedFields: 'Row {row} {name}: {fields}',
    sheet: 'Sheet',
    row: 'Row',
    field: 'Field',
    message: 'Message',
    badType: 'Please choose an .xlsx or .csv file',
    exportTitle: 'Export',
    exportPeople: 'Export people',
    exportUnits: 'Export sub-units',
    exportHint: '“Export people” downloads everyone in your scope; to export part of them, set filters on the People page and export from there.',
    downloaded: 'Download started',
    kindRoster: 'Roster',
    kindUnits: 'Division list (units)',
    unitsTitle: 'Import division list',
    unitsHint: 'One unit a row: 12-digit code, name, parent code, kind; optionally economy, population, area. Existing codes are updated; if any row is wrong nothing is imported.',
    unitsSuccess: 'Imported: {created} units created, {updated} updated, {unchanged} unchanged',
  },
};

export default exchange;
