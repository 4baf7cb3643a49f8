export * from './holiday-year';
export * from './calendar-data';
export * from './workday-calendar';
export * from './deadline-schedule';
export * from './clock';
export * from './deadline-notices';
