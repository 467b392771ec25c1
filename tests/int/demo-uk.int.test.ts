/** The uk demo city seeds and builds (one CMS per file: ATVIRA_LOCALES is read at start). */
import { demoCitySuite } from './suites/demoCity'

demoCitySuite('uk', /\p{Script=Cyrillic}/u)
