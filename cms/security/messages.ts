import { getDefaultLocale } from '../model/locales'

/**
 * What the CMS's guards say to staff and API clients: in the city's language first,
 * English second. API responses carry both (a client has no admin language); admin
 * field errors use the admin's language.
 */
export type Language = 'lt' | 'en'
export type Bilingual = Record<Language, string>
/** Words for staff in the admin's languages (Ukrainian where written; else English). */
export type Words = Bilingual & { uk?: string }

/** A message in `language`, where it is written (else nothing: the caller falls back to English). */
const inLanguage = (m: Words, language: string | undefined): string | undefined =>
  language && language !== 'en' ? (m as Partial<Record<string, string>>)[language] : undefined

/** The city's language, then English ("… / …"); English alone where the city's is not written. */
export function both(m: Words, cityLanguage: string = getDefaultLocale()): string {
  const own = inLanguage(m, cityLanguage)
  return own ? `${own} / ${m.en}` : m.en
}

/** The staff's language where it is written, else English. */
export const pick = (m: Words, language: string | undefined): string => inLanguage(m, language) ?? m.en

export const messages = {
  tooManyRequests: (wait: number): Words => ({
    lt: `Per daug užklausų iš jūsų adreso. Bandykite vėl po ${wait} s.`,
    en: `Too many requests from your address. Try again in ${wait} s.`,
    uk: `Забагато запитів з вашої адреси. Спробуйте знову через ${wait} с.`,
  }),
  busy: {
    lt: 'Serveris dabar atsako kitoms užklausoms. Bandykite vėl po 1 s.',
    en: 'The server is busy answering other requests. Try again in 1 s.',
    uk: 'Сервер зараз обробляє інші запити. Спробуйте знову через 1 с.',
  },
  tooManyLogins: (wait: number): Words => ({
    lt: `Per daug nesėkmingų prisijungimų iš jūsų adreso. Bandykite vėl po ${Math.ceil(wait / 60)} min. arba atkurkite slaptažodį („Pamiršote slaptažodį?“).`,
    en: `Too many failed sign-ins from your address. Try again in ${Math.ceil(wait / 60)} min, or reset your password ("Forgot password?").`,
    uk: `Забагато невдалих спроб входу з вашої адреси. Спробуйте знову через ${Math.ceil(wait / 60)} хв або відновіть пароль («Забули пароль?»).`,
  }),
  // One message for a wrong address, a wrong password and a locked account, so that a
  // sign-in attempt never tells whether an account exists.
  loginFailed: {
    lt: 'Neteisingas el. pašto adresas arba slaptažodis, arba paskyra laikinai užrakinta po 5 nesėkmingų bandymų (15 min.). Patikrinkite duomenis, palaukite arba atkurkite slaptažodį.',
    en: 'The email address or password is incorrect, or the account is locked for 15 minutes after 5 failed attempts. Check them, wait, or reset your password.',
    uk: 'Неправильна адреса електронної пошти чи пароль, або обліковий запис заблоковано на 15 хвилин після 5 невдалих спроб. Перевірте дані, зачекайте або відновіть пароль.',
  },
  invalidJson: (detail: string): Words => ({
    lt: `Užklausos turinys nėra tinkamas JSON (${detail}). Siųskite galiojantį JSON objektą.`,
    en: `The request body is not valid JSON (${detail}). Send a valid JSON object.`,
    uk: `Тіло запиту не є коректним JSON (${detail}). Надішліть коректний обʼєкт JSON.`,
  }),
  invalidMultipart: (detail: string): Words => ({
    lt: `Užklausos turinys nėra tinkamas multipart/form-data (${detail}). Siųskite formą su ribotuvu (boundary) antraštėje Content-Type.`,
    en: `The request body is not valid multipart/form-data (${detail}). Send a form whose Content-Type names its boundary.`,
    uk: `Тіло запиту не є коректним multipart/form-data (${detail}). Надішліть форму, у заголовку Content-Type якої вказано роздільник (boundary).`,
  }),
  bodyTooLarge: (limit: number): Words => ({
    lt: `Užklausos turinys per didelis (daugiausia ${Math.round(limit / 1048576)} MB).`,
    en: `The request body is too large (at most ${Math.round(limit / 1048576)} MB).`,
    uk: `Тіло запиту завелике (щонайбільше ${Math.round(limit / 1048576)} МБ).`,
  }),
  noVersions: (collection: string): Words => ({
    lt: `Rinkinys „${collection}“ neturi versijų.`,
    en: `The collection "${collection}" keeps no versions.`,
    uk: `Колекція «${collection}» не зберігає версій.`,
  }),
  fileMissing: {
    lt: 'Tokio failo nėra. Patikrinkite adresą arba įkelkite failą iš naujo.',
    en: 'There is no such file. Check the address, or upload the file again.',
    uk: 'Такого файлу немає. Перевірте адресу або завантажте файл знову.',
  },
  malformedAddress: {
    lt: 'Adresas netinkamas: jame yra klaidingai užkoduotų simbolių (%). Patikrinkite nuorodą.',
    en: 'The address is malformed: it has wrongly encoded characters (%). Check the link.',
    uk: 'Адреса некоректна: у ній є неправильно закодовані символи (%). Перевірте посилання.',
  },
  badPage: {
    lt: 'Parametras „page“ turi būti sveikasis skaičius nuo 1 iki 1 000 000.',
    en: 'The "page" parameter must be a whole number from 1 to 1,000,000.',
    uk: 'Параметр «page» має бути цілим числом від 1 до 1 000 000.',
  },
  notFound: {
    lt: 'Tokio adreso nėra.',
    en: 'There is nothing at this address.',
    uk: 'За цією адресою нічого немає.',
  },
  methodNotAllowed: (allowed: string): Words => ({
    lt: `Šis adresas nepriima tokio metodo. Leidžiami: ${allowed}.`,
    en: `This address does not accept that method. Allowed: ${allowed}.`,
    uk: `Ця адреса не приймає такого методу. Дозволено: ${allowed}.`,
  }),
}
