import { defineMapper, normalizeHours, str, telHref, type Raw } from './shared'

export const services = defineMapper({
  fields: (d) => {
    const address = (d.address ?? {}) as Raw
    const contact = d.phones as { label?: string; number?: string }[] | undefined
    return {
      description: String(d.description ?? ''),
      phones: (contact ?? [])
        .filter((p) => str(p.number))
        .map((p) => ({ label: str(p.label), number: p.number!, tel: telHref(p.number!) })),
      email: str(d.email),
      address: str(address.street) || str(address.city)
        ? { street: str(address.street), postcode: str(address.postcode), city: str(address.city) }
        : undefined,
      hours: normalizeHours(d.openingHours),
      hoursNote: str(d.hoursNote),
      website: str(d.website),
      text: String(d.description ?? ''),
    }
  },
})
