import { EditingNotices as EditingNotices_8d044ddb4070c09659b1cd1e9a565fca } from '../../../plugins/editingLanguage/admin/EditingNotices'
import { RscEntryLexicalCell as RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { RscEntryLexicalField as RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LexicalDiffComponent as LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e } from '@payloadcms/richtext-lexical/rsc'
import { LinkFeatureClient as LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ToolbarLabelsClient as ToolbarLabelsClient_15569035fd9d0b6ce7896f6bd45a8bba } from '../../../fields/toolbarLabels/client'
import { FixedToolbarFeatureClient as FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HeadingFeatureClient as HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { InlineToolbarFeatureClient as InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { HorizontalRuleFeatureClient as HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UploadFeatureClient as UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BlockquoteFeatureClient as BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { RelationshipFeatureClient as RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { OrderedListFeatureClient as OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnorderedListFeatureClient as UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { IndentFeatureClient as IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { AlignFeatureClient as AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ParagraphFeatureClient as ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { StrikethroughFeatureClient as StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { UnderlineFeatureClient as UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { BoldFeatureClient as BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { ItalicFeatureClient as ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864 } from '@payloadcms/richtext-lexical/client'
import { SiteBox as SiteBox_b7a3c2222c43d2bed6971da4ab8c368a } from '../../../plugins/publishing/admin/SiteBox'
import { ReviewControls as ReviewControls_14a18dff6762f872fe6b9bf91f4f0e65 } from '../../../plugins/review/admin/ReviewControls'
import { PublishButton as PublishButton_a6c52344ddf2f4cf1f170b9db6474062 } from '../../../plugins/editingLanguage/admin/PublishButton'
import { UnpublishButton as UnpublishButton_d400635149cbd423ee5d1baf0979d358 } from '../../../plugins/publishing/admin/UnpublishButton'
import { ResponsesPanel as ResponsesPanel_377fd2e6d71613c044ea0b5158da689f } from '../../../plugins/consultations/admin/ResponsesPanel'
import { SubscriberData as SubscriberData_44689e7309f2badd14bd79ae9769cd78 } from '../../../plugins/newsletter/admin/SubscriberData'
import { NewsletterPanel as NewsletterPanel_6921f45772d2a25e241bfa82357db726 } from '../../../plugins/newsletter/admin/NewsletterPanel'
import { AttentionPanel as AttentionPanel_bf142cca7688da3be0e22002bce13a2c } from '../../../plugins/review/admin/AttentionPanel'
import { ConsultationsAttention as ConsultationsAttention_e2ba6559e4c4eb5f6d99dd53e1fb4d39 } from '../../../plugins/consultations/admin/ConsultationsAttention'
import { OverduePanel as OverduePanel_f30c06b4acc7bb148223d7d5d0b3bfe4 } from '../../../plugins/upkeep/admin/OverduePanel'
import { FailedSchedules as FailedSchedules_289f8497d12b62e92b1797195fd024e1 } from '../../../plugins/editingLanguage/admin/FailedSchedules'
import { CollectionCards as CollectionCards_bb6c980f819e781dc369db1d8b030ee1 } from '../../../plugins/dashboard/CollectionCards'
import { CollectionCards as CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1 } from '@payloadcms/next/rsc'

/** @type import('payload').ImportMap */
export const importMap = {
  "/plugins/editingLanguage/admin/EditingNotices#EditingNotices": EditingNotices_8d044ddb4070c09659b1cd1e9a565fca,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalCell": RscEntryLexicalCell_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#RscEntryLexicalField": RscEntryLexicalField_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/rsc#LexicalDiffComponent": LexicalDiffComponent_44fe37237e0ebf4470c9990d8cb7b07e,
  "@payloadcms/richtext-lexical/client#LinkFeatureClient": LinkFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/fields/toolbarLabels/client#ToolbarLabelsClient": ToolbarLabelsClient_15569035fd9d0b6ce7896f6bd45a8bba,
  "@payloadcms/richtext-lexical/client#FixedToolbarFeatureClient": FixedToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HeadingFeatureClient": HeadingFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#InlineToolbarFeatureClient": InlineToolbarFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#HorizontalRuleFeatureClient": HorizontalRuleFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UploadFeatureClient": UploadFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BlockquoteFeatureClient": BlockquoteFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#RelationshipFeatureClient": RelationshipFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#OrderedListFeatureClient": OrderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnorderedListFeatureClient": UnorderedListFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#IndentFeatureClient": IndentFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#AlignFeatureClient": AlignFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ParagraphFeatureClient": ParagraphFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#StrikethroughFeatureClient": StrikethroughFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#UnderlineFeatureClient": UnderlineFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#BoldFeatureClient": BoldFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "@payloadcms/richtext-lexical/client#ItalicFeatureClient": ItalicFeatureClient_e70f5e05f09f93e00b997edb1ef0c864,
  "/plugins/publishing/admin/SiteBox#SiteBox": SiteBox_b7a3c2222c43d2bed6971da4ab8c368a,
  "/plugins/review/admin/ReviewControls#ReviewControls": ReviewControls_14a18dff6762f872fe6b9bf91f4f0e65,
  "/plugins/editingLanguage/admin/PublishButton#PublishButton": PublishButton_a6c52344ddf2f4cf1f170b9db6474062,
  "/plugins/publishing/admin/UnpublishButton#UnpublishButton": UnpublishButton_d400635149cbd423ee5d1baf0979d358,
  "/plugins/consultations/admin/ResponsesPanel#ResponsesPanel": ResponsesPanel_377fd2e6d71613c044ea0b5158da689f,
  "/plugins/newsletter/admin/SubscriberData#SubscriberData": SubscriberData_44689e7309f2badd14bd79ae9769cd78,
  "/plugins/newsletter/admin/NewsletterPanel#NewsletterPanel": NewsletterPanel_6921f45772d2a25e241bfa82357db726,
  "/plugins/review/admin/AttentionPanel#AttentionPanel": AttentionPanel_bf142cca7688da3be0e22002bce13a2c,
  "/plugins/consultations/admin/ConsultationsAttention#ConsultationsAttention": ConsultationsAttention_e2ba6559e4c4eb5f6d99dd53e1fb4d39,
  "/plugins/upkeep/admin/OverduePanel#OverduePanel": OverduePanel_f30c06b4acc7bb148223d7d5d0b3bfe4,
  "/plugins/editingLanguage/admin/FailedSchedules#FailedSchedules": FailedSchedules_289f8497d12b62e92b1797195fd024e1,
  "/plugins/dashboard/CollectionCards#CollectionCards": CollectionCards_bb6c980f819e781dc369db1d8b030ee1,
  "@payloadcms/next/rsc#CollectionCards": CollectionCards_f9c02e79a4aed9a3924487c0cd4cafb1
}
