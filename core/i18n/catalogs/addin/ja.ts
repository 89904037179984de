import type { AddinCatalog } from './en';

/** Japanese for the Outlook add-in and its invite agenda: polite, "1on1". */
export const addinJa: AddinCatalog = {
  'addin.outside.heading': 'Tandem for Outlook',
  'addin.outside.body': 'Outlook の予定表のイベントから Tandem を開くと、その 1on1 のアジェンダを確認・編集できます。',
  'addin.outside.sandbox':
    'Tandem をローカルで実行していますか? 模擬の予定の横でアドインを試せます: <link>Outlook サンドボックス</link>。',
  'addin.host.what':
    '{op, select, subject {件名の読み取り} start {開始時刻の読み取り} end {終了時刻の読み取り} organizer {開催者の読み取り} attendees {出席者の読み取り} body_get {招待の本文の読み取り} body_set {招待の本文の更新} body_prepend {招待の本文への追加} attachments_add {アジェンダの添付} attachments_get {添付ファイルの一覧表示} attachments_remove {以前のアジェンダ添付の置き換え} save {招待の保存} itemId {招待の読み取り} other {この操作}}',
  'addin.host.failed': 'Outlook で{what}ができませんでした: {reason}',
  'addin.host.readOnly': '{what}は、招待を編集中の開催者だけが行えます。',
  'addin.host.unsupported':
    'このバージョンの Outlook では{what}ができません。Outlook を更新するか、Outlook on the web をお使いください。',
  'addin.host.noItem': '1on1 のアジェンダを見るには、予定表のイベントを開いてください。',
  'addin.unreachable':
    'Tandem のサービスに接続できませんでした。接続を確認してから、Tandem を閉じてもう一度開いてください。',
  'addin.reading': '会議出席依頼を読み込んでいます…',
  'addin.noSession': 'この日時には 1on1 の回がありません。今後の回を開いてください。',
  'addin.about': 'この会議出席依頼について',
  'addin.invite': '会議出席依頼',
  'addin.attendeeHint': '追加した話題は Tandem に保存され、ここと Teams でお二人とも確認できます。',
  'addin.editHint': 'アジェンダを差し込むには、会議出席依頼を編集モードで開いてください。',
  'addin.insert': 'アジェンダを出席依頼に挿入',
  'addin.inserting': '挿入しています…',
  'addin.insert.unreadable': 'アジェンダを読み込めませんでした。',
  'addin.insert.noAttachments':
    '{how, select, replaced {出席依頼のアジェンダを更新しました} other {出席依頼にアジェンダを挿入しました}}。この Outlook ではファイルを添付できません (Mailbox 1.8)。',
  'addin.insert.attached':
    '{how, select, replaced {出席依頼のアジェンダを更新しました} other {出席依頼にアジェンダを挿入しました}}。ファイルも添付しました。更新を送信すると相手にも届きます。',
  'addin.insert.notAttached':
    '{how, select, replaced {出席依頼のアジェンダを更新しました} other {出席依頼にアジェンダを挿入しました}}が、ファイルは添付できませんでした: {reason}',
  'addin.link.heading': 'まだ Tandem の 1on1 ではありません',
  'addin.link.attendee': 'このイベントは Tandem の 1on1 ではありません。開催者がこのウィンドウから設定できます。',
  'addin.link.needsTeams':
    'Tandem は Teams 会議をもとに 1on1 を見分けます。このイベントで [Teams 会議] をオンにしてから、Tandem をもう一度開いてください。',
  'addin.link.finding': '直属のメンバーを探しています…',
  'addin.link.noReports':
    'Tandem の 1on1 は上司と直属のメンバーの間で行います。直属のメンバーがいないため設定できません。',
  'addin.link.notInvited':
    'このイベントには直属のメンバーが招待されていません。Outlook で相手を招待してから、Tandem をもう一度開いてください。',
  'addin.link.form': 'このイベントを Tandem の 1on1 にする',
  'addin.link.intro':
    'このイベントを Tandem の 1on1 にすると、アジェンダ、メモ、次のアクションをお二人で共有できます。',
  'addin.link.report': '直属のメンバー',
  'addin.link.frequency': '実施の頻度',
  'addin.link.submit': 'Tandem の 1on1 にする',
  'addin.link.createAnyway': 'それでも別の 1on1 を作成',
  'addin.agenda.title': '{name} さんとの 1on1',
  'addin.agenda.topicsOf': '{section} のトピック',
  'addin.agenda.raisedBy': '{name} さんが追加',
  'addin.agenda.discussed': '話し合い済み',
  'addin.agenda.open': '未着手',
  'addin.agenda.empty':
    'まだトピックはありません。話したいことを追加してください。ここと Teams の両方でお二人に表示されます。',
  'addin.agenda.newTopic': '新しいトピック',
  'addin.agenda.addTopic': 'トピックを追加',
  'addin.agenda.placeholder': 'トピックを入力…',
  'addin.agenda.typeFirst': '先にトピックを入力してください。',
  'addin.agenda.loadFailed': 'アジェンダを読み込めませんでした: {reason}',
  'addin.agenda.openInTeams': 'Teams でアジェンダ全体を開く',
  'addin.agenda.inTeams': 'チェックイン、メモ、フィードバック、評価は Teams の会議で行います。',
  'addin.occurrence.skipped': 'この回の 1on1 はスキップされました。この回のアジェンダはありません。',
  'addin.occurrence.cancelled': 'この回の 1on1 はキャンセルされました。この回のアジェンダはありません。',
  'addin.occurrence.moved': 'Tandem ではこの回は {date} に変更されています。',
  'addin.insert.otherDate':
    '招待の日時がこのアジェンダと一致しなくなりました。新しい日時のアジェンダを表示するには、Tandem を閉じてもう一度開いてください。',

  'invite.title': '1on1 アジェンダ: {manager} と {report}、{when}',
  'invite.fileTitle': '1on1 アジェンダ {manager} / {report}',
  'invite.noTopics': 'まだ話題がありません。会議の前に追加してください。',
  'invite.openCommitments': '未完了のアクション',
  'invite.commitment': '{text} (期限 {due})',
  'invite.openInTeams': 'Teams でアジェンダを開く',
};
