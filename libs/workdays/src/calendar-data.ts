import year2025 from '../data/2025.json';
import year2026 from '../data/2026.json';
import { HolidayYear, parseHolidayYear } from './holiday-year';

// A newly published year: add its data file and one line here.
export const PUBLISHED_YEARS: readonly HolidayYear[] = [year2025, year2026].map((y) => parseHolidayYear(y));
