/**
 * What the CMS's guards say to staff and API clients: Lithuanian first, English second.
 * API responses carry both (a client has no admin language); admin field errors use
 * the admin's language.
 */
export type Language = 'lt' | 'en'
export type Bilingual = Record<Language, string>
/** Words for staff in the admin's languages (Ukrainian where written; else English). */
export type Words = Bilingual & { uk?: string }

export const both = (m: Bilingual): string => `${m.lt} / ${m.en}`

export const pick = (m: Words, language: string | undefined): string => (language === 'lt' ? m.lt : language === 'uk' && m.uk ? m.uk : m.en)

const seconds = (n: number) => ({ lt: `${n} s`, en: `${n} s` })

export const messages = {
  tooManyRequests: (wait: number): Bilingual => ({
    lt: `Per daug užklausų iš jūsų adreso. Bandykite vėl po ${seconds(wait).lt}.`,
    en: `Too many requests from your address. Try again in ${seconds(wait).en}.`,
  }),
  busy: {
    lt: 'Serveris dabar atsako kitoms užklausoms. Bandykite vėl po 1 s.',
    en: 'The server is busy answering other requests. Try again in 1 s.',
  },
  tooManyLogins: (wait: number): Bilingual => ({
    lt: `Per daug nesėkmingų prisijungimų iš jūsų adreso. Bandykite vėl po ${Math.ceil(wait / 60)} min. arba atkurkite slaptažodį („Pamiršote slaptažodį?“).`,
    en: `Too many failed sign-ins from your address. Try again in ${Math.ceil(wait / 60)} min, or reset your password ("Forgot password?").`,
  }),
  // One message for a wrong address, a wrong password and a locked account, so that a
  // sign-in attempt never tells whether an account exists.
  loginFailed: {
    lt: 'Neteisingas el. pašto adresas arba slaptažodis, arba paskyra laikinai užrakinta po 5 nesėkmingų bandymų (15 min.). Patikrinkite duomenis, palaukite arba atkurkite slaptažodį.',
    en: 'The email address or password is incorrect, or the account is locked for 15 minutes after 5 failed attempts. Check them, wait, or reset your password.',
  },
  invalidJson: (detail: string): Bilingual => ({
    lt: `Užklausos turinys nėra tinkamas JSON (${detail}). Siųskite galiojantį JSON objektą.`,
    en: `The request body is not valid JSON (${detail}). Send a valid JSON object.`,
  }),
  invalidMultipart: (detail: string): Bilingual => ({
    lt: `Užklausos turinys nėra tinkamas multipart/form-data (${detail}). Siųskite formą su ribotuvu (boundary) antraštėje Content-Type.`,
    en: `The request body is not valid multipart/form-data (${detail}). Send a form whose Content-Type names its boundary.`,
  }),
  bodyTooLarge: (limit: number): Bilingual => ({
    lt: `Užklausos turinys per didelis (daugiausia ${Math.round(limit / 1048576)} MB).`,
    en: `The request body is too large (at most ${Math.round(limit / 1048576)} MB).`,
  }),
  noVersions: (collection: string): Bilingual => ({
    lt: `Rinkinys „${collection}“ neturi versijų.`,
    en: `The collection "${collection}" keeps no versions.`,
  }),
  fileMissing: {
    lt: 'Tokio failo nėra. Patikrinkite adresą arba įkelkite failą iš naujo.',
    en: 'There is no such file. Check the address, or upload the file again.',
  },
  malformedAddress: {
    lt: 'Adresas netinkamas: jame yra klaidingai užkoduotų simbolių (%). Patikrinkite nuorodą.',
    en: 'The address is malformed: it has wrongly encoded characters (%). Check the link.',
  },
  badPage: {
    lt: 'Parametras „page“ turi būti sveikasis skaičius nuo 1 iki 1 000 000.',
    en: 'The "page" parameter must be a whole number from 1 to 1,000,000.',
  },
  notFound: {
    lt: 'Tokio adreso nėra.',
    en: 'There is nothing at this address.',
  },
  methodNotAllowed: (allowed: string): Bilingual => ({
    lt: `Šis adresas nepriima tokio metodo. Leidžiami: ${allowed}.`,
    en: `This address does not accept that method. Allowed: ${allowed}.`,
  }),
}
