/**
 * Date pickers work in the browser's time zone; the admin reads dates in its own. These turn an
 * instant into a Date whose wall-clock fields are the admin's (for the picker), and back.
 */
import dayjs from 'dayjs'
import timezone from 'dayjs/plugin/timezone'
import utc from 'dayjs/plugin/utc'

dayjs.extend(utc)
dayjs.extend(timezone)

/** The zone if Intl knows it, else UTC (a host may pass anything). */
export function safeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone })
    return timeZone
  } catch {
    return 'UTC'
  }
}

/** ISO instant -> a local Date showing the admin's wall-clock time. */
export function isoToPickerDate(iso: string, timeZone: string): Date {
  const wall = dayjs(iso).tz(safeZone(timeZone))
  return new Date(wall.year(), wall.month(), wall.date(), wall.hour(), wall.minute(), wall.second())
}

/** A picker's local Date holding the admin's wall-clock time -> ISO instant (UTC). */
export function pickerDateToIso(date: Date, timeZone: string): string {
  const wall = `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}T${String(date.getHours()).padStart(2, '0')}:${String(date.getMinutes()).padStart(2, '0')}:${String(date.getSeconds()).padStart(2, '0')}`
  return dayjs.tz(wall, safeZone(timeZone)).toDate().toISOString()
}
