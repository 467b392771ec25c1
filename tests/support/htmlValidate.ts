import type { ConfigData } from 'html-validate'

/**
 * html-validate's recommended rules, unchanged: no rule is turned off. (An exception
 * added here must say why it hides no problem residents would meet.) Shared by every
 * suite that validates built pages.
 */
export const htmlValidateConfig: ConfigData = {
  extends: ['html-validate:recommended'],
  rules: {
    // A consultation's several-choices question is a group of checkboxes sharing one
    // name, as HTML intends (the server reads every checked value). The rule only
    // accepts that with a `name[]` suffix, a server-side naming habit; radios, buttons
    // and every other duplicate name are still errors.
    'form-dup-name': ['error', { shared: ['radio', 'checkbox', 'button', 'reset', 'submit'] }],
  },
}
