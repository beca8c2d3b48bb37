<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>ArchivePlace</name>
    <message>
        <source>Archive &amp;name</source>
        <translation>&amp;Название архива</translation>
    </message>
    <message>
        <source>Kept in</source>
        <translation>Хранится в</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Изменить…</translation>
    </message>
    <message>
        <source>Archive name</source>
        <translation>Название архива</translation>
    </message>
    <message>
        <source>Change where the archive is kept</source>
        <translation>Изменить место хранения архива</translation>
    </message>
    <message>
        <source>My archive</source>
        <translation>Мой архив</translation>
    </message>
    <message>
        <source>Where should the archive be kept?</source>
        <translation>Где хранить архив?</translation>
    </message>
</context>
<context>
    <name>ArchiveView</name>
    <message>
        <source>Sections</source>
        <translation>Разделы</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>This page has changes that are not saved yet.</source>
        <translation>На этой странице есть несохранённые изменения.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Отменить изменения</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Остаться</translation>
    </message>
</context>
<context>
    <name>BackupSource</name>
    <message>
        <source>Backup file</source>
        <translation>Файл резервной копии</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Выбрать…</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>Выберите файл резервной копии</translation>
    </message>
    <message>
        <source>Backup &amp;passphrase or recovery code</source>
        <translation>&amp;Парольная фраза копии или код восстановления</translation>
    </message>
    <message>
        <source>Backup passphrase or recovery code</source>
        <translation>Парольная фраза копии или код восстановления</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Показать парольную фразу</translation>
    </message>
    <message>
        <source>Hide passphrase</source>
        <translation>Скрыть парольную фразу</translation>
    </message>
    <message>
        <source>Caps Lock seems to be on.</source>
        <translation>Похоже, включён Caps Lock.</translation>
    </message>
    <message>
        <source>Identity file</source>
        <translation>Файл ключа</translation>
    </message>
    <message>
        <source>Choose the identity file</source>
        <translation>Выберите файл ключа</translation>
    </message>
    <message>
        <source>Tumar backups (*.tumar-bundle);;All files (*)</source>
        <translation>Резервные копии Tumar (*.tumar-bundle);;Все файлы (*)</translation>
    </message>
    <message>
        <source>Use a passphrase or recovery code instead</source>
        <translation>Использовать парольную фразу или код восстановления</translation>
    </message>
    <message>
        <source>Use an identity file instead</source>
        <translation>Использовать файл ключа</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Файл не выбран</translation>
    </message>
    <message>
        <source>This file holds no identity (a line starting AGE-SECRET-KEY-1). Choose the identity file exported from the old laptop.</source>
        <translation>В этом файле нет ключа (строки, начинающейся с AGE-SECRET-KEY-1). Выберите файл ключа, экспортированный со старого ноутбука.</translation>
    </message>
</context>
<context>
    <name>CreateScreen</name>
    <message>
        <source>Create an archive</source>
        <translation>Создание архива</translation>
    </message>
    <message>
        <source>Everything you put in it is encrypted with your passphrase. Choose one you can remember and nobody can guess: several unrelated words work well.</source>
        <translation>Всё, что вы в него добавите, шифруется вашей парольной фразой. Выберите такую, которую вы запомните, а другие не угадают: хорошо подходят несколько не связанных между собой слов.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Создание…</translation>
    </message>
    <message>
        <source>Create archive</source>
        <translation>Создать архив</translation>
    </message>
    <message>
        <source>Creating the archive</source>
        <translation>Создание архива</translation>
    </message>
</context>
<context>
    <name>FailureText</name>
    <message>
        <source>The disk is full, so this was not saved. Free some space and try again.</source>
        <translation>Диск заполнен, поэтому это не сохранено. Освободите место и попробуйте снова.</translation>
    </message>
    <message>
        <source>The file is too large for this drive (a FAT32 stick holds at most 4 GB in one file), so nothing was written. Use a drive formatted as exFAT or ext4.</source>
        <translation>Файл слишком велик для этого накопителя (флешка FAT32 вмещает не более 4 ГБ в одном файле), поэтому ничего не записано. Используйте накопитель с файловой системой exFAT или ext4.</translation>
    </message>
    <message>
        <source>The disk or folder is read-only, so nothing was written. Choose another place.</source>
        <translation>Диск или папка доступны только для чтения, поэтому ничего не записано. Выберите другое место.</translation>
    </message>
    <message>
        <source>Tumar is not allowed to write there, so nothing was written. Choose another place.</source>
        <translation>У Tumar нет права записи в это место, поэтому ничего не записано. Выберите другое место.</translation>
    </message>
    <message>
        <source>A drive stopped answering (pulled out, or failing). Plug it in again, or use another drive, and try again.</source>
        <translation>Накопитель перестал отвечать (извлечён или неисправен). Подключите его снова или используйте другой и попробуйте ещё раз.</translation>
    </message>
    <message>
        <source>The archive is damaged. Run Verify to see what can still be read, then restore it from a backup.</source>
        <translation>Архив повреждён. Запустите «Проверить», чтобы увидеть, что ещё можно прочитать, затем восстановите его из резервной копии.</translation>
    </message>
    <message>
        <source>The archive is busy with another task. Try again when it has finished.</source>
        <translation>Архив занят другой задачей. Попробуйте снова, когда она завершится.</translation>
    </message>
    <message>
        <source>This stopped because of an unexpected error ({name}).</source>
        <translation>Действие остановлено из-за непредвиденной ошибки ({name}).</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Cancelled. Nothing from the unfinished step was kept.</source>
        <translation>Отменено. Ничего из незавершённого шага не сохранено.</translation>
    </message>
    <message>
        <source>The task stopped because of an unexpected error ({name}).</source>
        <translation>Задача остановлена из-за непредвиденной ошибки ({name}).</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Cancel the running task</source>
        <translation>Отменить выполняемую задачу</translation>
    </message>
    <message>
        <source>Progress of the running task</source>
        <translation>Ход выполнения задачи</translation>
    </message>
    <message>
        <source>{title}: {done} of {total}</source>
        <translation>{title}: {done} из {total}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отмена…</translation>
    </message>
</context>
<context>
    <name>NewPassphrase</name>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Парольная фраза</translation>
    </message>
    <message>
        <source>&amp;Repeat the passphrase</source>
        <translation>&amp;Повторите парольную фразу</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Показать парольную фразу</translation>
    </message>
    <message>
        <source>Hide passphrase</source>
        <translation>Скрыть парольную фразу</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Надёжность парольной фразы</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Парольные фразы не совпадают.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This section is not available in this version yet.</source>
        <translation>Этот раздел пока недоступен в этой версии.</translation>
    </message>
</context>
<context>
    <name>RecoveryScreen</name>
    <message>
        <source>Write down your recovery code</source>
        <translation>Запишите код восстановления</translation>
    </message>
    <message>
        <source>If you forget the passphrase, this code is the only other way into the archive. Tumar keeps no copy of it and will not show it again.</source>
        <translation>Если вы забудете парольную фразу, этот код — единственный другой способ открыть архив. Tumar не хранит его копию и больше его не покажет.</translation>
    </message>
    <message>
        <source>Anyone with this code can open the archive. Keep the paper hidden.</source>
        <translation>Любой, у кого есть этот код, может открыть архив. Храните бумагу в надёжном месте.</translation>
    </message>
    <message>
        <source>I have written it down and keep it apart from this laptop</source>
        <translation>Я записал(а) код и храню его отдельно от этого ноутбука</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Печать…</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Продолжить</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Код восстановления</translation>
    </message>
    <message>
        <source>Tumar recovery code

{code}

{warning}</source>
        <translation>Код восстановления Tumar

{code}

{warning}</translation>
    </message>
</context>
<context>
    <name>RestoreScreen</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Makes a new archive on this laptop from a backup file, with its own passphrase and recovery code. The backup itself is not changed.</source>
        <translation>Создаёт на этом ноутбуке новый архив из файла резервной копии, со своей парольной фразой и своим кодом восстановления. Сама резервная копия не меняется.</translation>
    </message>
    <message>
        <source>The new archive</source>
        <translation>Новый архив</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Новая парольная фраза</translation>
    </message>
    <message>
        <source>Re&amp;peat the new passphrase</source>
        <translation>По&amp;вторите новую парольную фразу</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Назад</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Restored archive</source>
        <translation>Восстановленный архив</translation>
    </message>
    <message>
        <source>This folder already exists and is not empty. A backup is restored only into a new folder: choose another name or place.</source>
        <translation>Эта папка уже существует и не пуста. Резервная копия восстанавливается только в новую папку: выберите другое название или место.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Восстановление…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Восстановить</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Проверка резервной копии…</translation>
    </message>
    <message>
        <source>Restoring from a backup</source>
        <translation>Восстановление из резервной копии</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Отменяется…</translation>
    </message>
    <message>
        <source>Restoring the records and media…</source>
        <translation>Восстанавливаются записи и медиафайлы…</translation>
    </message>
    <message>
        <source>This identity file does not open this backup.</source>
        <translation>Этот файл ключа не открывает эту резервную копию.</translation>
    </message>
    <message>
        <source>This passphrase or recovery code does not open this backup.</source>
        <translation>Эта парольная фраза или код восстановления не открывает эту резервную копию.</translation>
    </message>
    <message>
        <source>This is a sync file, not a backup. Choose a backup file (its name starts with tumar-backup).</source>
        <translation>Это файл синхронизации, а не резервная копия. Выберите файл резервной копии (его имя начинается с tumar-backup).</translation>
    </message>
    <message>
        <source>This backup is damaged or incomplete, or from another or newer Tumar. Copy it again from where it came from.</source>
        <translation>Резервная копия повреждена или неполна, либо сделана другой или более новой версией Tumar. Скопируйте её заново оттуда, откуда она взята.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was restored. Free some space and try again.</source>
        <translation>Диск заполнен, поэтому ничего не восстановлено. Освободите место и попробуйте снова.</translation>
    </message>
</context>
<context>
    <name>Sections</name>
    <message>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Медиафайлы</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Сроки</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Возможные дубликаты</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Настройки</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Язык</translation>
    </message>
    <message>
        <source>&amp;Lock after</source>
        <translation>&amp;Блокировать через</translation>
    </message>
    <message>
        <source> min idle</source>
        <translation> мин бездействия</translation>
    </message>
    <message>
        <source>Remember recently opened archives on this computer</source>
        <translation>Запоминать недавно открытые архивы на этом компьютере</translation>
    </message>
    <message>
        <source>Off by default: the list shows anyone using this computer where your archives are. Turning it off forgets the list.</source>
        <translation>По умолчанию выключено: этот список показывает любому, кто пользуется компьютером, где лежат ваши архивы. При выключении список стирается.</translation>
    </message>
    <message>
        <source>Settings are stored unencrypted, so they never hold names, case titles, search text or passphrases.</source>
        <translation>Настройки хранятся без шифрования, поэтому в них никогда не попадают имена, названия дел, поисковые запросы и парольные фразы.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
</context>
<context>
    <name>StartFlow</name>
    <message>
        <source>Preparing the demo archive…</source>
        <translation>Подготовка демо-архива…</translation>
    </message>
    <message>
        <source>Preparing the demo archive</source>
        <translation>Подготовка демо-архива</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>An encrypted archive for testimonies, photos and case notes. It works offline; nothing leaves this computer unless you export it.</source>
        <translation>Зашифрованный архив для показаний, фотографий и заметок по делам. Работает без интернета; ничего не покидает этот компьютер, пока вы сами это не экспортируете.</translation>
    </message>
    <message>
        <source>Open an archive…</source>
        <translation>Открыть архив…</translation>
    </message>
    <message>
        <source>Create a new archive…</source>
        <translation>Создать новый архив…</translation>
    </message>
    <message>
        <source>Try the demo archive</source>
        <translation>Попробовать демо-архив</translation>
    </message>
    <message>
        <source>Unlock an archive folder on this computer</source>
        <translation>Разблокировать папку архива на этом компьютере</translation>
    </message>
    <message>
        <source>Public example data to explore safely</source>
        <translation>Открытые примеры данных, чтобы спокойно осмотреться</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Восстановить из резервной копии…</translation>
    </message>
    <message>
        <source>A new laptop joins, or a lost one is replaced: a backup becomes a new archive</source>
        <translation>Новый ноутбук присоединяется или заменяет потерянный: резервная копия становится новым архивом</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Recently opened</source>
        <translation>Недавно открытые</translation>
    </message>
    <message>
        <source>Lost the passphrase? Open the archive with your recovery code.</source>
        <translation>Забыли парольную фразу? Откройте архив кодом восстановления.</translation>
    </message>
    <message>
        <source>Choose the archive folder</source>
        <translation>Выберите папку архива</translation>
    </message>
</context>
<context>
    <name>Strength</name>
    <message>
        <source>Use a few words, avoid common phrases.</source>
        <translation>Используйте несколько слов, избегайте распространённых фраз.</translation>
    </message>
    <message>
        <source>No need for symbols, digits, or uppercase letters.</source>
        <translation>Символы, цифры и заглавные буквы не обязательны.</translation>
    </message>
    <message>
        <source>Add another word or two. Uncommon words are better.</source>
        <translation>Добавьте ещё одно-два слова. Лучше редкие.</translation>
    </message>
    <message>
        <source>Straight rows of keys are easy to guess.</source>
        <translation>Ряды соседних клавиш легко угадать.</translation>
    </message>
    <message>
        <source>Short keyboard patterns are easy to guess.</source>
        <translation>Короткие клавиатурные узоры легко угадать.</translation>
    </message>
    <message>
        <source>Use a longer keyboard pattern with more turns.</source>
        <translation>Используйте более длинный узор с большим числом поворотов.</translation>
    </message>
    <message>
        <source>Repeats like &quot;aaa&quot; are easy to guess.</source>
        <translation>Повторы вроде «aaa» легко угадать.</translation>
    </message>
    <message>
        <source>Repeats like &quot;abcabcabc&quot; are only slightly harder to guess than &quot;abc&quot;.</source>
        <translation>Повторы вроде «abcabcabc» угадать лишь немного сложнее, чем «abc».</translation>
    </message>
    <message>
        <source>Avoid repeated words and characters.</source>
        <translation>Избегайте повторяющихся слов и символов.</translation>
    </message>
    <message>
        <source>Sequences like &quot;abc&quot; or &quot;6543&quot; are easy to guess.</source>
        <translation>Последовательности вроде «abc» или «6543» легко угадать.</translation>
    </message>
    <message>
        <source>Avoid sequences.</source>
        <translation>Избегайте последовательностей.</translation>
    </message>
    <message>
        <source>Recent years are easy to guess.</source>
        <translation>Недавние годы легко угадать.</translation>
    </message>
    <message>
        <source>Avoid recent years.</source>
        <translation>Избегайте недавних годов.</translation>
    </message>
    <message>
        <source>Avoid years that are associated with you.</source>
        <translation>Избегайте годов, связанных с вами.</translation>
    </message>
    <message>
        <source>Dates are often easy to guess.</source>
        <translation>Даты часто легко угадать.</translation>
    </message>
    <message>
        <source>Avoid dates and years that are associated with you.</source>
        <translation>Избегайте дат и годов, связанных с вами.</translation>
    </message>
    <message>
        <source>This is a top-10 common password.</source>
        <translation>Это один из 10 самых распространённых паролей.</translation>
    </message>
    <message>
        <source>This is a top-100 common password.</source>
        <translation>Это один из 100 самых распространённых паролей.</translation>
    </message>
    <message>
        <source>This is a very common password.</source>
        <translation>Это очень распространённый пароль.</translation>
    </message>
    <message>
        <source>This is similar to a commonly used password.</source>
        <translation>Это похоже на распространённый пароль.</translation>
    </message>
    <message>
        <source>A word by itself is easy to guess.</source>
        <translation>Одно слово само по себе легко угадать.</translation>
    </message>
    <message>
        <source>Names and surnames by themselves are easy to guess.</source>
        <translation>Имена и фамилии сами по себе легко угадать.</translation>
    </message>
    <message>
        <source>Common names and surnames are easy to guess.</source>
        <translation>Распространённые имена и фамилии легко угадать.</translation>
    </message>
    <message>
        <source>Capitalization doesn&apos;t help very much.</source>
        <translation>Заглавные буквы почти не помогают.</translation>
    </message>
    <message>
        <source>All-uppercase is almost as easy to guess as all-lowercase.</source>
        <translation>Всё заглавными угадать почти так же легко, как всё строчными.</translation>
    </message>
    <message>
        <source>Reversed words aren&apos;t much harder to guess.</source>
        <translation>Слова задом наперёд угадать ненамного сложнее.</translation>
    </message>
    <message>
        <source>Predictable substitutions like &apos;@&apos; instead of &apos;a&apos; don&apos;t help very much.</source>
        <translation>Предсказуемые замены вроде «@» вместо «a» почти не помогают.</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Очень слабая</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Слабая</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Средняя</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Надёжная</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Очень надёжная</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Используйте не меньше %n символа.</numerusform>
            <numerusform>Используйте не меньше %n символов.</numerusform>
            <numerusform>Используйте не меньше %n символов.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TumarWindow</name>
    <message>
        <source>Signed dossier…</source>
        <translation>Подписанное досье…</translation>
    </message>
    <message>
        <source>Backup…</source>
        <translation>Резервная копия…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Восстановить из резервной копии…</translation>
    </message>
    <message>
        <source>Sync…</source>
        <translation>Синхронизация…</translation>
    </message>
    <message>
        <source>Team members…</source>
        <translation>Участники команды…</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>Конфликты…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Заблокировать</translation>
    </message>
    <message>
        <source>Lock the archive (Ctrl+L)</source>
        <translation>Заблокировать архив (Ctrl+L)</translation>
    </message>
    <message>
        <source>Panic</source>
        <translation>Экстренная блокировка</translation>
    </message>
    <message>
        <source>Lock at once and hide the window ({keys})</source>
        <translation>Сразу заблокировать и скрыть окно ({keys})</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Добавить</translation>
    </message>
    <message>
        <source>Add a record (Ctrl+N)</source>
        <translation>Добавить запись (Ctrl+N)</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Проверить</translation>
    </message>
    <message>
        <source>Check that nothing in the archive was altered</source>
        <translation>Проверить, что в архиве ничего не изменено</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Настройки…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Выйти</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>Photos and files…</source>
        <translation>Фото и файлы…</translation>
    </message>
    <message>
        <source>Search names, testimonies, notes…  Ctrl+F</source>
        <translation>Поиск по именам, показаниям, заметкам…  Ctrl+F</translation>
    </message>
    <message>
        <source>Search the archive</source>
        <translation>Поиск по архиву</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Архив</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Справка</translation>
    </message>
    <message>
        <source>About Tumar</source>
        <translation>О программе Tumar</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Панель инструментов</translation>
    </message>
    <message numerus="yes">
        <source>Unlocked · locks after %n min idle</source>
        <translation>
            <numerusform>Разблокировано · блокировка через %n мин бездействия</numerusform>
            <numerusform>Разблокировано · блокировка через %n мин бездействия</numerusform>
            <numerusform>Разблокировано · блокировка через %n мин бездействия</numerusform>
        </translation>
    </message>
    <message>
        <source>Tumar keeps testimonies, photos and case notes in an encrypted archive on this computer. It works offline and sends nothing anywhere.</source>
        <translation>Tumar хранит показания, фотографии и заметки по делам в зашифрованном архиве на этом компьютере. Он работает без интернета и никуда ничего не отправляет.</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Caps Lock seems to be on.</source>
        <translation>Похоже, включён Caps Lock.</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Показать парольную фразу</translation>
    </message>
    <message>
        <source>Hide passphrase</source>
        <translation>Скрыть парольную фразу</translation>
    </message>
    <message>
        <source>Open another archive</source>
        <translation>Открыть другой архив</translation>
    </message>
    <message>
        <source>This is the demo archive. Its passphrase is: {passphrase}</source>
        <translation>Это демо-архив. Его парольная фраза: {passphrase}</translation>
    </message>
    <message>
        <source>Type the recovery code from your paper copy.</source>
        <translation>Введите код восстановления с бумажной копии.</translation>
    </message>
    <message>
        <source>&amp;Recovery code</source>
        <translation>&amp;Код восстановления</translation>
    </message>
    <message>
        <source>Use the passphrase instead</source>
        <translation>Ввести парольную фразу</translation>
    </message>
    <message>
        <source>This archive is locked.</source>
        <translation>Этот архив заблокирован.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Парольная фраза</translation>
    </message>
    <message>
        <source>Use the recovery code instead</source>
        <translation>Ввести код восстановления</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Разблокировка…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Разблокировать</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Сначала введите парольную фразу.</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Разблокировка</translation>
    </message>
    <message>
        <source>This recovery code does not open this archive.</source>
        <translation>Этот код восстановления не открывает этот архив.</translation>
    </message>
    <message>
        <source>This passphrase does not open this archive.</source>
        <translation>Эта парольная фраза не открывает этот архив.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify the archive</source>
        <translation>Проверка архива</translation>
    </message>
    <message>
        <source>Check that nothing was altered</source>
        <translation>Убедитесь, что ничего не изменено</translation>
    </message>
    <message>
        <source>Tumar recomputes the fingerprint of every record and of every change in the audit log, and checks the databases and media files for damage. Nothing in the archive is changed.</source>
        <translation>Tumar заново вычисляет отпечаток каждой записи и каждого изменения в журнале аудита и проверяет базы данных и медиафайлы на повреждения. Сам архив при этом не меняется.</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Проверить ещё раз</translation>
    </message>
    <message>
        <source>Start check</source>
        <translation>Начать проверку</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Найденные проблемы</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Проверка…</translation>
    </message>
    <message>
        <source>This can take a while for a large archive.</source>
        <translation>Для большого архива это может занять некоторое время.</translation>
    </message>
    <message>
        <source>Verifying the archive</source>
        <translation>Проверка архива</translation>
    </message>
    <message>
        <source>{entries} changes in the audit log and {records} records were checked.</source>
        <translation>Проверено изменений в журнале аудита: {entries}, записей: {records}.</translation>
    </message>
    <message>
        <source>Everything checks out</source>
        <translation>Всё в порядке</translation>
    </message>
    <message>
        <source>Nothing was altered behind Tumar&apos;s back. {counts}</source>
        <translation>Ничего не было изменено в обход Tumar. {counts}</translation>
    </message>
    <message>
        <source>Problems were found</source>
        <translation>Обнаружены проблемы</translation>
    </message>
    <message>
        <source>Some of the archive does not match its own records. Keep this laptop&apos;s copy as it is and compare it with a backup. {counts}</source>
        <translation>Часть архива не совпадает с его собственными записями. Оставьте копию на этом ноутбуке как есть и сравните её с резервной копией. {counts}</translation>
    </message>
    <message>
        <source>Fingerprint of the latest change (compare it with a dossier&apos;s):</source>
        <translation>Отпечаток последнего изменения (сравните с указанным в досье):</translation>
    </message>
    <message>
        <source>The check could not finish</source>
        <translation>Проверку не удалось завершить</translation>
    </message>
</context>
</TS>
