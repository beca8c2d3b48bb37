<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up the archive</source>
        <translation>Создать резервную копию архива</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Encrypt to a passphrase instead of team keys</source>
        <translation>Зашифровать парольной фразой вместо ключей команды</translation>
    </message>
    <message>
        <source>keep all</source>
        <translation>хранить все</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Папка</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Парольная фраза</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Повторите</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>Сколько копий хранить</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Создать копию</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Папка для резервных копий</translation>
    </message>
    <message>
        <source>Choose an existing folder for the backup.</source>
        <translation>Выберите существующую папку для резервной копии.</translation>
    </message>
    <message>
        <source>Type the same passphrase twice (8 characters or more).</source>
        <translation>Введите одну и ту же парольную фразу дважды (не короче 8 символов).</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Резервная копия</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>Резервная копия записана: %1</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts to review</source>
        <translation>Конфликты для проверки</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Запись</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Найден</translation>
    </message>
    <message>
        <source>Keep this laptop&apos;s version</source>
        <translation>Оставить версию этого ноутбука</translation>
    </message>
    <message>
        <source>Keep the other version</source>
        <translation>Оставить другую версию</translation>
    </message>
    <message>
        <source>Nothing to review: no edits clashed.</source>
        <translation>Проверять нечего: правки не столкнулись.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>The same record was changed on two laptops. Keep one version; the other stays in the record&apos;s history.</source>
        <translation>Одну и ту же запись изменили на двух ноутбуках. Оставьте одну версию; другая останется в истории изменений записи.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <source>Name of a person</source>
        <translation>Имя человека</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Person in a case</source>
        <translation>Человек в деле</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Person in an event</source>
        <translation>Человек в событии</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>Testimony in a case</source>
        <translation>Показания в деле</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Tag on a record</source>
        <translation>Метка на записи</translation>
    </message>
    <message>
        <source>Media file</source>
        <translation>Медиафайл</translation>
    </message>
    <message>
        <source>Media file in a record</source>
        <translation>Медиафайл в записи</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>Участник команды</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Конфликты</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(без названия)</translation>
    </message>
    <message>
        <source>This version has not reached this laptop.</source>
        <translation>Эта версия ещё не дошла до этого ноутбука.</translation>
    </message>
    <message>
        <source>Deleted the record on %1</source>
        <translation>Запись удалена %1</translation>
    </message>
    <message>
        <source>Edited on %1</source>
        <translation>Изменено %1</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>удалено</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>да</translation>
    </message>
    <message>
        <source>no</source>
        <translation>нет</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
    </message>
    <message>
        <source>%1 · found on %2</source>
        <translation>%1 · найден %2</translation>
    </message>
    <message>
        <source>Neither version was made on this laptop: “This laptop” is the version it shows now.</source>
        <translation>Ни одна версия не сделана на этом ноутбуке: «Этот ноутбук» — версия, которую он показывает сейчас.</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Этот ноутбук</translation>
    </message>
    <message>
        <source>The other laptop</source>
        <translation>Другой ноутбук</translation>
    </message>
    <message>
        <source>Keeping a deleted version also deletes its notes and events.</source>
        <translation>Если оставить удалённую версию, её заметки и события тоже будут удалены.</translation>
    </message>
    <message>
        <source>Keeping a deleted version also deletes its notes.</source>
        <translation>Если оставить удалённую версию, её заметки тоже будут удалены.</translation>
    </message>
    <message>
        <source>Marked: the words in which the versions differ.</source>
        <translation>Выделено: слова, которыми версии различаются.</translation>
    </message>
    <message>
        <source>The only difference: one laptop deleted it.</source>
        <translation>Единственное различие: на одном ноутбуке запись удалили.</translation>
    </message>
    <message>
        <source>Both versions hold the same content.</source>
        <translation>В обеих версиях одно и то же содержимое.</translation>
    </message>
    <message>
        <source>Settle a conflict</source>
        <translation>Решение конфликта</translation>
    </message>
    <message>
        <source>This one was already settled; the list is up to date.</source>
        <translation>Этот конфликт уже решён; список обновлён.</translation>
    </message>
    <message>
        <source>Kept this laptop&apos;s version; the other is in history.</source>
        <translation>Оставлена версия этого ноутбука; другая — в истории изменений.</translation>
    </message>
    <message>
        <source>Kept the other version; this laptop&apos;s is in history.</source>
        <translation>Оставлена другая версия; версия этого ноутбука — в истории изменений.</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <source>Export signed dossier</source>
        <translation>Экспорт подписанного досье</translation>
    </message>
    <message>
        <source>Confidential — include lawyer-only testimonies</source>
        <translation>Конфиденциально — включить показания только для адвоката</translation>
    </message>
    <message>
        <source>Keep photo locations (GPS) in embedded photos</source>
        <translation>Сохранить координаты (GPS) во встроенных фотографиях</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Лицо</translation>
    </message>
    <message>
        <source>Labels in</source>
        <translation>Язык надписей</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Сохранить как</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспортировать</translation>
    </message>
    <message>
        <source>What the dossier will contain</source>
        <translation>Что войдёт в досье</translation>
    </message>
    <message>
        <source>Whole case</source>
        <translation>Всё дело</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>There is no case to export.</source>
        <translation>Нет дела для экспорта.</translation>
    </message>
    <message>
        <source>Save dossier as</source>
        <translation>Сохранить досье как</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Choose where to save the dossier.</source>
        <translation>Выберите, куда сохранить досье.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспорт…</translation>
    </message>
    <message>
        <source>Export dossier</source>
        <translation>Экспорт досье</translation>
    </message>
    <message>
        <source>Signed dossier written: {path} ({photos} photos).</source>
        <translation>Подписанное досье записано: {path} (фотографий: {photos}).</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
</context>
<context>
    <name>DossierPreview</name>
    <message>
        <source>Included (%1)</source>
        <translation>Включено (%1)</translation>
    </message>
    <message>
        <source>Left out (%1)</source>
        <translation>Не включено (%1)</translation>
    </message>
    <message>
        <source>Anonymised (%1)</source>
        <translation>Анонимизировано (%1)</translation>
    </message>
    <message>
        <source>Every page will be marked “Confidential — for legal counsel”.</source>
        <translation>Каждая страница будет помечена «Конфиденциально — для адвоката».</translation>
    </message>
    <message>
        <source>testimony</source>
        <translation>показания</translation>
    </message>
    <message>
        <source>media</source>
        <translation>медиафайл</translation>
    </message>
    <message>
        <source>person</source>
        <translation>лицо</translation>
    </message>
    <message>
        <source>note</source>
        <translation>заметка</translation>
    </message>
    <message>
        <source>on the case</source>
        <translation>к делу</translation>
    </message>
    <message>
        <source>on the testimony by %1</source>
        <translation>к показаниям: %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>свидетель: %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>о лице: %1</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>согласие отозвано</translation>
    </message>
    <message>
        <source>no consent to share</source>
        <translation>нет согласия на передачу</translation>
    </message>
    <message>
        <source>consent for legal counsel only; tick “Confidential” to include</source>
        <translation>согласие только для адвоката; отметьте «Конфиденциально», чтобы включить</translation>
    </message>
    <message>
        <source>in the case</source>
        <translation>участвует в деле</translation>
    </message>
    <message>
        <source>linked to a testimony that is left out</source>
        <translation>связано с невключёнными показаниями</translation>
    </message>
    <message>
        <source>linked to an included testimony</source>
        <translation>связано с включёнными показаниями</translation>
    </message>
    <message>
        <source>linked to the case</source>
        <translation>связано с делом</translation>
    </message>
    <message>
        <source>testimony consent: anonymised</source>
        <translation>согласие на показания: анонимно</translation>
    </message>
    <message>
        <source>attached to an included record</source>
        <translation>прикреплена к включённому материалу</translation>
    </message>
    <message>
        <source>a one-person dossier</source>
        <translation>досье об одном лице</translation>
    </message>
    <message>
        <source>remarks about an anonymised person could identify them</source>
        <translation>заметки об анонимизированном лице могут раскрыть его личность</translation>
    </message>
    <message>
        <source>attached to a testimony that is left out</source>
        <translation>прикреплена к невключённым показаниям</translation>
    </message>
    <message>
        <source>consent: %1</source>
        <translation>согласие: %1</translation>
    </message>
    <message>
        <source>risk flag (%1)</source>
        <translation>отметка о риске (%1)</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync with the team</source>
        <translation>Синхронизация с командой</translation>
    </message>
    <message>
        <source>Sync folder (USB stick or Syncthing share)</source>
        <translation>Папка синхронизации (USB-накопитель или папка Syncthing)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Предпросмотр</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Синхронизировать</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Tumar runs no server: it only reads and writes this folder.</source>
        <translation>Tumar не использует сервер: он только читает эту папку и пишет в неё.</translation>
    </message>
    <message>
        <source>Sync folder</source>
        <translation>Папка синхронизации</translation>
    </message>
    <message>
        <source>Sync preview</source>
        <translation>Предпросмотр синхронизации</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхронизация</translation>
    </message>
    <message>
        <source>Nothing new from the others.</source>
        <translation>От других ничего нового.</translation>
    </message>
    <message>
        <source>Preview only: nothing was changed. Sync now to apply.</source>
        <translation>Только предпросмотр: ничего не изменено. Нажмите «Синхронизировать», чтобы применить.</translation>
    </message>
    <message>
        <source>Synced; this laptop&apos;s bundle was written.</source>
        <translation>Синхронизировано; пакет этого ноутбука записан.</translation>
    </message>
    <message>
        <source>Synced; nothing new to write.</source>
        <translation>Синхронизировано; нового для записи нет.</translation>
    </message>
</context>
<context>
    <name>SyncReportText</name>
    <message>
        <source>Skipped %1: %2</source>
        <translation>Пропущено: %1 — %2</translation>
    </message>
    <message>
        <source>the file is damaged or incomplete; copy it again from the laptop that wrote it</source>
        <translation>файл повреждён или неполон; скопируйте его заново с ноутбука, который его записал</translation>
    </message>
    <message>
        <source>no key this laptop holds opens it; that laptop must add this laptop&apos;s key to its team</source>
        <translation>ни один ключ этого ноутбука его не открывает; тот ноутбук должен добавить ключ этого ноутбука в свою команду</translation>
    </message>
    <message>
        <source>it belongs to another archive</source>
        <translation>он относится к другому архиву</translation>
    </message>
    <message>
        <source>it is this laptop&apos;s own bundle</source>
        <translation>это собственный пакет этого ноутбука</translation>
    </message>
    <message>
        <source>its laptop was removed from the team; delete the file, or add the laptop again</source>
        <translation>его ноутбук удалён из команды; удалите файл или снова добавьте ноутбук</translation>
    </message>
    <message>
        <source>it claims to come from a laptop but is signed by another key; refused</source>
        <translation>он выдаёт себя за пакет одного ноутбука, но подписан другим ключом; отклонён</translation>
    </message>
    <message>
        <source>the clock of the laptop that wrote it is more than a day ahead; correct its date and sync again</source>
        <translation>часы ноутбука, который его записал, спешат больше чем на сутки; исправьте там дату и повторите синхронизацию</translation>
    </message>
    <message>
        <source>it assumes edits this laptop has not received yet; sync again after that laptop has seen this laptop&apos;s bundle</source>
        <translation>он рассчитан на изменения, которых этот ноутбук ещё не получил; повторите синхронизацию, когда тот ноутбук увидит пакет этого ноутбука</translation>
    </message>
    <message>
        <source>the file changed while it was read; sync again</source>
        <translation>файл изменился во время чтения; повторите синхронизацию</translation>
    </message>
    <message>
        <source>a newer Tumar wrote it; update Tumar</source>
        <translation>его записала более новая версия Tumar; обновите Tumar</translation>
    </message>
    <message>
        <source>Bundle from replica %1 (a replica this archive has never seen; its key will be pinned when you sync)</source>
        <translation>Пакет от копии архива %1 (копия, которую этот архив раньше не видел; её ключ будет закреплён при синхронизации)</translation>
    </message>
    <message>
        <source>Bundle from replica %1 (a replica this archive has never seen; its key is now pinned)</source>
        <translation>Пакет от копии архива %1 (копия, которую этот архив раньше не видел; её ключ теперь закреплён)</translation>
    </message>
    <message>
        <source>Bundle from replica %1</source>
        <translation>Пакет от копии архива %1</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>ничего нового</translation>
    </message>
    <message>
        <source>added %1, changed %2, deleted %3, older versions kept %4, already held %5</source>
        <translation>добавлено %1, изменено %2, удалено %3, сохранено прежних версий %4, уже было %5</translation>
    </message>
    <message>
        <source>audit entries imported %1, media added %2</source>
        <translation>импортировано записей аудита %1, добавлено медиафайлов %2</translation>
    </message>
    <message>
        <source>conflict: %1 %2 (kept %3, other %4)</source>
        <translation>конфликт: %1 %2 (оставлена %3, другая %4)</translation>
    </message>
    <message>
        <source>to be deleted with the deleted records they are attached to: notes %1, events %2 (their text stays in history)</source>
        <translation>будут удалены вместе с удалёнными записями, к которым они относятся: заметки %1, события %2 (их текст остаётся в истории изменений)</translation>
    </message>
    <message>
        <source>deleted with the deleted records they were attached to: notes %1, events %2 (their text stays in history)</source>
        <translation>удалены вместе с удалёнными записями, к которым они относились: заметки %1, события %2 (их текст остаётся в истории изменений)</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Team members</source>
        <translation>Участники команды</translation>
    </message>
    <message>
        <source>This laptop&apos;s key</source>
        <translation>Ключ этого ноутбука</translation>
    </message>
    <message>
        <source>Teammates add this key on their laptops, under Team members, so that their bundles can be opened here.</source>
        <translation>Участники команды добавляют этот ключ на своих ноутбуках в окне «Участники команды», чтобы их пакеты открывались здесь.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Копировать</translation>
    </message>
    <message>
        <source>Open this archive once with its recovery code, so that the code can also open this laptop&apos;s bundles.</source>
        <translation>Откройте этот архив один раз кодом восстановления, чтобы этот код тоже открывал пакеты этого ноутбука.</translation>
    </message>
    <message>
        <source>The team&apos;s other laptops</source>
        <translation>Другие ноутбуки команды</translation>
    </message>
    <message>
        <source>Every backup and sync bundle written on this laptop is encrypted to these laptops, to this laptop itself and to its paper recovery code.</source>
        <translation>Каждая резервная копия и каждый пакет синхронизации, записанные на этом ноутбуке, зашифрованы для этих ноутбуков, для самого этого ноутбука и для его бумажного кода восстановления.</translation>
    </message>
    <message>
        <source>Whose laptop</source>
        <translation>Чей ноутбук</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Ключ</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Add a laptop</source>
        <translation>Добавить ноутбук</translation>
    </message>
    <message>
        <source>Its key</source>
        <translation>Его ключ</translation>
    </message>
    <message>
        <source>age1… (shown in Team members on the other laptop)</source>
        <translation>age1… (показан в окне «Участники команды» на другом ноутбуке)</translation>
    </message>
    <message>
        <source>For example: Aigerim&apos;s laptop</source>
        <translation>Например: ноутбук Айгерим</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Добавить участника</translation>
    </message>
    <message>
        <source>Export identity…</source>
        <translation>Экспортировать секретный ключ…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(без имени)</translation>
    </message>
    <message>
        <source>(known from a sync)</source>
        <translation>(известен по синхронизации)</translation>
    </message>
    <message>
        <source>No other laptops yet.</source>
        <translation>Других ноутбуков пока нет.</translation>
    </message>
    <message>
        <source>Key copied. Tumar takes it off the clipboard again in two minutes.</source>
        <translation>Ключ скопирован. Tumar уберёт его из буфера обмена через две минуты.</translation>
    </message>
    <message>
        <source>That is not a laptop key. A key starts with age1; copy it from Team members on the other laptop.</source>
        <translation>Это не ключ ноутбука. Ключ начинается с age1; скопируйте его в окне «Участники команды» на другом ноутбуке.</translation>
    </message>
    <message>
        <source>That is this laptop&apos;s own key; it can always open its bundles.</source>
        <translation>Это собственный ключ этого ноутбука; он всегда открывает свои пакеты.</translation>
    </message>
    <message>
        <source>That laptop is already in the team.</source>
        <translation>Этот ноутбук уже в команде.</translation>
    </message>
    <message>
        <source>Say whose laptop this is, so that you recognise it later.</source>
        <translation>Укажите, чей это ноутбук, чтобы потом его узнать.</translation>
    </message>
    <message>
        <source>Added. Bundles written from now on are also encrypted to that laptop.</source>
        <translation>Добавлен. Пакеты, записанные с этого момента, зашифрованы и для этого ноутбука.</translation>
    </message>
    <message>
        <source>Removed. Bundles written from now on are not encrypted to that laptop, and its bundles are no longer merged here; bundles it already has stay readable to it.</source>
        <translation>Удалён. Пакеты, записанные с этого момента, для этого ноутбука не шифруются, а его пакеты здесь больше не объединяются; пакеты, которые у него уже есть, он по-прежнему может прочитать.</translation>
    </message>
    <message>
        <source>Save this laptop&apos;s identity</source>
        <translation>Сохранить секретный ключ этого ноутбука</translation>
    </message>
    <message>
        <source>That file already exists; choose a new name.</source>
        <translation>Такой файл уже есть; выберите новое имя.</translation>
    </message>
    <message>
        <source>The file could not be written there: %1</source>
        <translation>Не удалось записать файл туда: %1</translation>
    </message>
    <message>
        <source>Export identity</source>
        <translation>Экспорт секретного ключа</translation>
    </message>
    <message>
        <source>Identity written to %1. Keep it apart from this laptop.</source>
        <translation>Секретный ключ записан в %1. Храните его отдельно от этого ноутбука.</translation>
    </message>
</context>
<context>
    <name>TeamPrompts</name>
    <message>
        <source>Remove from the team</source>
        <translation>Удалить из команды</translation>
    </message>
    <message>
        <source>Remove %1 from the team?</source>
        <translation>Удалить %1 из команды?</translation>
    </message>
    <message>
        <source>Remove the laptop with the key %1 from the team?</source>
        <translation>Удалить из команды ноутбук с ключом %1?</translation>
    </message>
    <message>
        <source>Backups and sync bundles written on this laptop from now on will not be encrypted to it, and its own bundles will no longer be merged here. Bundles it already has stay readable to it: removing cannot take them back.</source>
        <translation>Резервные копии и пакеты синхронизации, записанные на этом ноутбуке с этого момента, не будут зашифрованы для него, а его собственные пакеты здесь больше не будут объединяться. Пакеты, которые у него уже есть, он по-прежнему может прочитать: удаление не забирает их обратно.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Удалить</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Оставить</translation>
    </message>
    <message>
        <source>Export this laptop&apos;s identity</source>
        <translation>Экспорт секретного ключа этого ноутбука</translation>
    </message>
    <message>
        <source>The file holds this laptop&apos;s secret key: whoever has it can open every bundle this laptop writes.</source>
        <translation>В файле — секретный ключ этого ноутбука: у кого этот файл, тот может открыть любой пакет, который записывает этот ноутбук.</translation>
    </message>
    <message>
        <source>Keep it apart from this laptop, like the recovery code: printed on paper or on a stick kept offline in a safe place. Never send it by e-mail or messenger, and delete the file once it is stored safely.</source>
        <translation>Храните его отдельно от этого ноутбука, как код восстановления: распечатанным на бумаге или на флешке, которая хранится без подключения к сети в надёжном месте. Никогда не отправляйте его по почте или в мессенджере и удалите файл, когда он надёжно сохранён.</translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation>Выбрать, куда сохранить…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
</TS>
