import { APIError } from 'payload'

/**
 * A refused action with a message staff can act on, Lithuanian first, then English. A
 * 403 like Payload's own Forbidden, so REST, GraphQL and the admin treat it the same.
 */
export class Refused extends APIError {
  constructor(lt: string, en: string) {
    super(`${lt} / ${en}`, 403, null, true)
    this.name = 'Refused'
  }
}

export const authorMayNotPublish = () =>
  new Refused(
    'Autoriai negali skelbti, nuimti iš svetainės ar keisti paskelbto turinio: išsaugokite juodraštį, o redaktorius jį paskelbs.',
    'Authors cannot publish, unpublish or change live content: save a draft and an editor will publish it.',
  )

export const authorMayNotSchedule = () =>
  new Refused(
    'Autoriai negali planuoti paskelbimo: išsaugokite juodraštį ir paprašykite redaktoriaus jį suplanuoti.',
    'Authors cannot schedule publishing: save a draft and ask an editor to schedule it.',
  )

export const authorMustRestoreAsDraft = () =>
  new Refused(
    'Autoriai gali atkurti versiją tik kaip juodraštį: spauskite „Atkurti kaip juodraštį“; paskelbtas turinys nepasikeis, kol redaktorius jo nepaskelbs.',
    'Authors can restore a version only as a draft: choose "Restore as draft"; live content stays as it is until an editor publishes.',
  )
