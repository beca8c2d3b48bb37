<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ru_RU">
<context>
    <name>CaseEditor</name>
    <message>
        <source>Edit case</source>
        <translation>Изменить дело</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Суд</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Юрисдикция</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Краткое описание</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Человек</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Добавить человека</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Убрать человека</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>Разделяйте метки запятыми</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Метки</translation>
    </message>
    <message>
        <source>A case needs a title.</source>
        <translation>У дела должно быть название.</translation>
    </message>
    <message>
        <source>Choose a person from the list in every row.</source>
        <translation>В каждой строке выберите человека из списка.</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Новое дело</translation>
    </message>
    <message>
        <source>Select a case to see its people, timeline and testimonies.</source>
        <translation>Выберите дело, чтобы увидеть людей, хронологию и показания.</translation>
    </message>
    <message>
        <source>No cases yet. Start one with New case.</source>
        <translation>Дел пока нет. Начните с кнопки «Новое дело».</translation>
    </message>
    <message>
        <source>Recently changed</source>
        <translation>Недавно изменённые</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Все дела</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Добавить событие</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <source>Dossier…</source>
        <translation>Досье…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История изменений</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Select a case first, then add a note to it.</source>
        <translation>Сначала выберите дело, затем добавьте к нему заметку.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No events yet.</source>
        <translation>Событий пока нет.</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>согласие отозвано</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Медиафайлы</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Изменить заметку</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Заметок пока нет.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. 2019-10?  ·  2019~  ·  2013-03/2017-11</source>
        <translation>напр. 2019-10?  ·  2019~  ·  2013-03/2017-11</translation>
    </message>
    <message>
        <source>Not a date Tumar understands yet</source>
        <translation>Tumar пока не понимает такую дату</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <source>Deadlines</source>
        <translation>Сроки</translation>
    </message>
    <message>
        <source>today</source>
        <translation>сегодня</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>завтра</translation>
    </message>
    <message>
        <source>1 day overdue</source>
        <translation>просрочено на 1 день</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>просрочено на %1 дн.</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>осталось дней: %1</translation>
    </message>
    <message>
        <source>Nothing here.</source>
        <translation>Здесь ничего нет.</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No deadlines. Events dated in the future appear here.</source>
        <translation>Сроков нет. Здесь появляются события с датой в будущем.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Просрочено</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>На этой неделе</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Позже</translation>
    </message>
</context>
<context>
    <name>Deleting</name>
    <message>
        <source>Delete person</source>
        <translation>Удалить человека</translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation>Удалить дело</translation>
    </message>
    <message>
        <source>Delete %1, their %2 name(s) and %3 note(s)?</source>
        <translation>Удалить %1 вместе с именами (%2) и заметками (%3)?</translation>
    </message>
    <message>
        <source>Delete the case %1 with its %2 event(s) and %3 note(s)?</source>
        <translation>Удалить дело %1 вместе с событиями (%2) и заметками (%3)?</translation>
    </message>
    <message>
        <source>Delete the testimony by %1, its %2 translation(s) and %3 note(s)?</source>
        <translation>Удалить показания: %1, вместе с переводами (%2) и заметками (%3)?</translation>
    </message>
    <message>
        <source>Delete testimony</source>
        <translation>Удалить показания</translation>
    </message>
    <message>
        <source>Delete the event “%1” of %2?</source>
        <translation>Удалить событие «%1» (%2)?</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Удалить событие</translation>
    </message>
    <message>
        <source>Delete the note “%1”?</source>
        <translation>Удалить заметку «%1»?</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Удалить заметку</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Не удалено</translation>
    </message>
    <message>
        <source>It disappears from lists, search and exports. Nothing is erased: its earlier versions and the record of who deleted it when stay in its history.</source>
        <translation>Запись исчезнет из списков, поиска и экспорта. Ничего не стирается: прежние версии и отметка о том, кто и когда её удалил, остаются в истории изменений.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Удалить</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>More</source>
        <translation>Ещё</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Возможные дубликаты</translation>
    </message>
    <message>
        <source>Tumar only proposes pairs: two different people can share a name. Compare them, and merge only when you are sure.</source>
        <translation>Tumar только предлагает пары: у двух разных людей может быть одно имя. Сравните их и объединяйте, только если уверены.</translation>
    </message>
    <message>
        <source>No likely duplicates right now. Names are compared across scripts and spellings each time this page opens.</source>
        <translation>Сейчас вероятных дубликатов нет. Имена сравниваются во всех письменностях и написаниях каждый раз, когда открывается эта страница.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Поле</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Остаётся</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>Вливается в неё</translation>
    </message>
    <message>
        <source>After the merge</source>
        <translation>После объединения</translation>
    </message>
    <message>
        <source>What the merge moves</source>
        <translation>Что переносит объединение</translation>
    </message>
    <message>
        <source>Keep the other one</source>
        <translation>Оставить другую запись</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Объединить…</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Отображаемое имя</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Риски</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>moves to %1</source>
        <translation>переходит к записи «%1»</translation>
    </message>
    <message>
        <source>already there: folded into the kept one</source>
        <translation>уже есть: сливается с остающейся записью</translation>
    </message>
    <message>
        <source>%1 is then marked deleted; every old version stays in history.</source>
        <translation>Затем запись «%1» помечается удалённой; все прежние версии остаются в истории.</translation>
    </message>
    <message>
        <source>What the merge will do</source>
        <translation>Что сделает объединение</translation>
    </message>
    <message>
        <source>Nothing to move.</source>
        <translation>Переносить нечего.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Объединить</translation>
    </message>
    <message>
        <source>Merge these two records into one person?</source>
        <translation>Объединить эти две записи в одного человека?</translation>
    </message>
    <message>
        <source>%1 records move and %2 duplicates are folded, as listed. History and the audit log keep every step.</source>
        <translation>Перемещается записей: %1, сливается повторов: %2 — как в списке. История и журнал аудита сохраняют каждый шаг.</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сохранить</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>Edit event</source>
        <translation>Изменить событие</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Новое событие</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Что произошло</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Where this is known from</source>
        <translation>Откуда это известно</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Добавить человека</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Убрать человека</translation>
    </message>
    <message>
        <source>People involved</source>
        <translation>Участники</translation>
    </message>
    <message>
        <source>Choose the case this event belongs to.</source>
        <translation>Выберите дело, к которому относится событие.</translation>
    </message>
    <message>
        <source>An event needs a date, even an uncertain one.</source>
        <translation>У события должна быть дата, пусть и неточная.</translation>
    </message>
    <message>
        <source>Not a date Tumar understands yet</source>
        <translation>Tumar пока не понимает такую дату</translation>
    </message>
    <message>
        <source>Choose a person from the list in every row.</source>
        <translation>Выберите человека из списка в каждой строке.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>История изменений</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>History</source>
        <translation>История изменений</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(пусто)</translation>
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
        <source>Newest first. Earlier versions are never overwritten.</source>
        <translation>Сначала новые. Прежние версии никогда не перезаписываются.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Another record was merged into this one.</source>
        <translation>С этой записью объединили другую.</translation>
    </message>
    <message>
        <source>No visible field changed.</source>
        <translation>Видимые поля не изменились.</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Importing</source>
        <translation>Импорт</translation>
    </message>
    <message>
        <source>Importing into the encrypted archive…</source>
        <translation>Импорт в зашифрованный архив…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Ход импорта</translation>
    </message>
    <message>
        <source>Each file is hashed (SHA-256) as it is stored.</source>
        <translation>Для каждого файла при сохранении вычисляется хеш SHA-256.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Закрыть</translation>
    </message>
    <message>
        <source>Importing media</source>
        <translation>Импорт медиафайлов</translation>
    </message>
    <message>
        <source>Stopping after the current piece of the file…</source>
        <translation>Остановка после текущего фрагмента файла…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Импорт завершён</translation>
    </message>
    <message>
        <source>New files stored: %1.</source>
        <translation>Сохранено новых файлов: %1.</translation>
    </message>
    <message>
        <source>Already in the archive: %1.</source>
        <translation>Уже в архиве: %1.</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>Импорт остановлен</translation>
    </message>
    <message>
        <source>Cancelled. The file being read was not kept; files finished before it stay in the archive.</source>
        <translation>Отменено. Файл, который читался, не сохранён; файлы, импортированные до него, остаются в архиве.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>witness</source>
        <translation>свидетель</translation>
    </message>
    <message>
        <source>victim</source>
        <translation>пострадавший</translation>
    </message>
    <message>
        <source>detainee</source>
        <translation>задержанный</translation>
    </message>
    <message>
        <source>defendant</source>
        <translation>обвиняемый</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>родственник</translation>
    </message>
    <message>
        <source>lawyer</source>
        <translation>адвокат</translation>
    </message>
    <message>
        <source>judge</source>
        <translation>судья</translation>
    </message>
    <message>
        <source>interviewer</source>
        <translation>интервьюер</translation>
    </message>
    <message>
        <source>other</source>
        <translation>другое</translation>
    </message>
    <message>
        <source>Border crossing</source>
        <translation>Пересечение границы</translation>
    </message>
    <message>
        <source>Detention</source>
        <translation>Задержание</translation>
    </message>
    <message>
        <source>Arrest</source>
        <translation>Арест</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>Судебное заседание</translation>
    </message>
    <message>
        <source>Postponement</source>
        <translation>Перенос</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Приговор</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Освобождение</translation>
    </message>
    <message>
        <source>Deportation order</source>
        <translation>Решение о депортации</translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation>Выдан документ</translation>
    </message>
    <message>
        <source>Certificate expires</source>
        <translation>Истекает срок документа</translation>
    </message>
    <message>
        <source>Relative detained</source>
        <translation>Задержан родственник</translation>
    </message>
    <message>
        <source>Other event</source>
        <translation>Другое событие</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Без согласия</translation>
    </message>
    <message>
        <source>Lawyers only</source>
        <translation>Только юристам</translation>
    </message>
    <message>
        <source>Anonymised</source>
        <translation>Анонимно</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Публично</translation>
    </message>
    <message>
        <source>Kept in the archive only; never leaves it.</source>
        <translation>Хранится только в архиве и никогда его не покидает.</translation>
    </message>
    <message>
        <source>May go into a confidential dossier for legal counsel, nowhere else.</source>
        <translation>Может войти в конфиденциальное досье для адвоката, и больше никуда.</translation>
    </message>
    <message>
        <source>May be shared with every name of the witness removed.</source>
        <translation>Можно передавать, убрав все имена свидетеля.</translation>
    </message>
    <message>
        <source>May be shared as it is.</source>
        <translation>Можно передавать как есть.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Открыто</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Закрыто</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>Апелляция</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Наблюдение</translation>
    </message>
    <message>
        <source>Relatives detained</source>
        <translation>Родственники задержаны</translation>
    </message>
    <message>
        <source>Under surveillance</source>
        <translation>Под наблюдением</translation>
    </message>
    <message>
        <source>Travel ban</source>
        <translation>Запрет на выезд</translation>
    </message>
    <message>
        <source>Threatened</source>
        <translation>Угрозы</translation>
    </message>
    <message>
        <source>In detention</source>
        <translation>Под стражей</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Видео</translation>
    </message>
    <message>
        <source>Audio</source>
        <translation>Аудио</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Файл</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Отображаемое имя</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Пол</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Риски</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Письменность</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Название</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Статус</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Юрисдикция</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Суд</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Краткое описание</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Роль</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Дата</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Место</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Описание</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Источник</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Текст</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>Дата записи</translation>
    </message>
    <message>
        <source>Recorded where</source>
        <translation>Где записано</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Кто записал</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Consent given on</source>
        <translation>Дата согласия</translation>
    </message>
    <message>
        <source>How consent was given</source>
        <translation>Как получено согласие</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Согласие отозвано</translation>
    </message>
    <message>
        <source>Translator</source>
        <translation>Переводчик</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Удалено</translation>
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
        <source>Witness</source>
        <translation>Свидетель</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Событие</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Media file</source>
        <translation>Медиафайл</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Ключ</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Имя файла</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256)</source>
        <translation>Отпечаток (SHA-256)</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Размер (байт)</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Тип файла</translation>
    </message>
    <message>
        <source>Imported on</source>
        <translation>Дата импорта</translation>
    </message>
    <message>
        <source>Imported on laptop</source>
        <translation>Импортирован на ноутбуке</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Не читается</translation>
    </message>
    <message>
        <source>Why it is unreadable</source>
        <translation>Почему не читается</translation>
    </message>
    <message>
        <source>Photo metadata (EXIF)</source>
        <translation>Метаданные фото (EXIF)</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Lens</source>
        <translation>Объектив</translation>
    </message>
    <message>
        <source>Taken on</source>
        <translation>Дата съёмки</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Ориентация</translation>
    </message>
    <message>
        <source>Has a location</source>
        <translation>Есть координаты</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Широта</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Долгота</translation>
    </message>
    <message>
        <source>Altitude (m)</source>
        <translation>Высота над уровнем моря (м)</translation>
    </message>
    <message>
        <source>Width (pixels)</source>
        <translation>Ширина (пикс.)</translation>
    </message>
    <message>
        <source>Height (pixels)</source>
        <translation>Высота (пикс.)</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>Длительность (сек.)</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>Кодек</translation>
    </message>
    <message>
        <source>Kind of tagged record</source>
        <translation>Вид отмеченной записи</translation>
    </message>
    <message>
        <source>Tagged record</source>
        <translation>Отмеченная запись</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Создано</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Изменено</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Объединено</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <source>Person in case</source>
        <translation>Человек в деле</translation>
    </message>
    <message>
        <source>Testimony in case</source>
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
        <source>Media</source>
        <translation>Медиафайлы</translation>
    </message>
    <message>
        <source>legal</source>
        <translation>официальное</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>псевдоним</translation>
    </message>
    <message>
        <source>transliteration</source>
        <translation>транслитерация</translation>
    </message>
    <message>
        <source>patronymic form</source>
        <translation>с отчеством</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>en</source>
        <translation>ru</translation>
    </message>
</context>
<context>
    <name>LinkMediaDialog</name>
    <message>
        <source>Link to a case</source>
        <translation>Связать с делом</translation>
    </message>
    <message>
        <source>Link to a person</source>
        <translation>Связать с человеком</translation>
    </message>
    <message>
        <source>The file is stored once and shown with every record it is linked to.</source>
        <translation>Файл хранится один раз и показывается у каждой записи, с которой он связан.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Связать</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Choose one from the list.</source>
        <translation>Выберите из списка.</translation>
    </message>
</context>
<context>
    <name>LinkedCases</name>
    <message>
        <source>Add to case</source>
        <translation>Добавить в дело</translation>
    </message>
    <message>
        <source>Remove from case</source>
        <translation>Убрать из дела</translation>
    </message>
    <message>
        <source>Cases of this testimony</source>
        <translation>Дела, к которым относятся эти показания</translation>
    </message>
</context>
<context>
    <name>ListDetailPage</name>
    <message>
        <source>Filter this list</source>
        <translation>Фильтр списка</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Сортировка</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Показать</translation>
    </message>
    <message>
        <source>Select an item on the left to see it here.</source>
        <translation>Выберите запись слева, чтобы увидеть её здесь.</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <source>Nothing matches this filter.</source>
        <translation>Ничего не подходит под этот фильтр.</translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation>Здесь пока ничего нет.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Несохранённые изменения</translation>
    </message>
    <message>
        <source>Save your changes before leaving?</source>
        <translation>Сохранить изменения перед уходом?</translation>
    </message>
</context>
<context>
    <name>MediaLinks</name>
    <message>
        <source>Remove link</source>
        <translation>Убрать связь</translation>
    </message>
    <message>
        <source>Remove this file from %1?</source>
        <translation>Убрать этот файл из «%1»?</translation>
    </message>
    <message>
        <source>The file itself stays in the archive, with its other links. The link is kept in its history, and you can link the file again.</source>
        <translation>Сам файл остаётся в архиве вместе с другими связями. Связь сохраняется в его истории, и файл можно связать снова.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Отмена</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Не изменено</translation>
    </message>
</context>
<context>
    <name>MediaPage</name>
    <message>
        <source>Media</source>
        <translation>Медиафайлы</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорт…</translation>
    </message>
    <message>
        <source>Select a photo, video or recording. Drop files here to import them: each is hashed and stored encrypted.</source>
        <translation>Выберите фото, видео или запись. Перетащите сюда файлы для импорта: каждый хешируется и хранится в зашифрованном виде.</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <source>Capture time</source>
        <translation>Время съёмки</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Имя файла</translation>
    </message>
    <message>
        <source>All media</source>
        <translation>Все медиафайлы</translation>
    </message>
    <message>
        <source>Export a copy…</source>
        <translation>Экспортировать копию…</translation>
    </message>
    <message>
        <source>Open externally…</source>
        <translation>Открыть в другой программе…</translation>
    </message>
    <message>
        <source>Link to a case…</source>
        <translation>Связать с делом…</translation>
    </message>
    <message>
        <source>Link to a person…</source>
        <translation>Связать с человеком…</translation>
    </message>
    <message>
        <source>Copy SHA-256</source>
        <translation>Копировать SHA-256</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История изменений</translation>
    </message>
    <message>
        <source>Choose files to import</source>
        <translation>Выберите файлы для импорта</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>Убрать связь</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Снято</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортировано</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Подпись</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>Связано с</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Местоположение</translation>
    </message>
    <message>
        <source>This photo records where it was taken. Remove it before sharing.</source>
        <translation>В этом фото записано, где оно снято. Удалите это перед тем, как делиться.</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>Конфиденциально</translation>
    </message>
    <message>
        <source>Latitude, longitude</source>
        <translation>Широта, долгота</translation>
    </message>
    <message>
        <source>EXIF</source>
        <translation>EXIF</translation>
    </message>
</context>
<context>
    <name>NoteEditor</name>
    <message>
        <source>Edit note</source>
        <translation>Изменить заметку</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Новая заметка</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Заметка</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Заметка не может быть пустой.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
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
    <name>PeoplePage</name>
    <message>
        <source>People</source>
        <translation>Люди</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Новый человек</translation>
    </message>
    <message>
        <source>Select a person to see their names, cases and testimonies.</source>
        <translation>Выберите человека, чтобы увидеть его имена, дела и показания.</translation>
    </message>
    <message>
        <source>No people yet. Add someone with New person.</source>
        <translation>Людей пока нет. Добавьте кнопкой «Новый человек».</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Под угрозой</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История изменений</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>Копировать имя</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>Родился(ась): %1</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Имена</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>Edit person</source>
        <translation>Изменить данные человека</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Новый человек</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Отображаемое имя</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Имя</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Письменность</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Вид</translation>
    </message>
    <message>
        <source>Add name</source>
        <translation>Добавить имя</translation>
    </message>
    <message>
        <source>Remove name</source>
        <translation>Удалить имя</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Другие имена</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Дата рождения</translation>
    </message>
    <message>
        <source>Relatives detained</source>
        <translation>Родственники задержаны</translation>
    </message>
    <message>
        <source>Under surveillance</source>
        <translation>Под наблюдением</translation>
    </message>
    <message>
        <source>Travel ban</source>
        <translation>Запрет на выезд</translation>
    </message>
    <message>
        <source>Threatened</source>
        <translation>Угрозы</translation>
    </message>
    <message>
        <source>In detention</source>
        <translation>Под стражей</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Риски</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>A person needs a name.</source>
        <translation>У человека должно быть имя.</translation>
    </message>
    <message>
        <source>Not a date Tumar understands yet</source>
        <translation>Tumar пока не понимает такую дату</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>Type to search…</source>
        <translation>Начните вводить для поиска…</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search names, testimonies, notes, cases, events</source>
        <translation>Поиск по именам, показаниям, заметкам, делам, событиям</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Поиск</translation>
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
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>События</translation>
    </message>
    <message>
        <source>from (e.g. 2017)</source>
        <translation>с (напр. 2017)</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>С даты</translation>
    </message>
    <message>
        <source>to (e.g. 2019-10)</source>
        <translation>по (напр. 2019-10)</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>По дату</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>метка</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Метка</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Результаты поиска</translation>
    </message>
    <message>
        <source>e.g. brother AND (border OR detained)</source>
        <translation>например: брат AND (граница OR задержан)</translation>
    </message>
    <message>
        <source>Only:</source>
        <translation>Только:</translation>
    </message>
    <message>
        <source>Tick none to search every type of record.</source>
        <translation>Не отмечайте ничего, чтобы искать записи всех типов.</translation>
    </message>
    <message>
        <source>Advanced syntax</source>
        <translation>Расширенный синтаксис</translation>
    </message>
    <message>
        <source>The box takes search syntax: AND, OR, NOT, NEAR(a b), &quot;exact words&quot;, prefix*. Without it, every word is looked for as typed.</source>
        <translation>Поле понимает синтаксис поиска: AND, OR, NOT, NEAR(a b), &quot;точные слова&quot;, префикс*. Без него каждое слово ищется так, как введено.</translation>
    </message>
    <message>
        <source>Only in case</source>
        <translation>Только в деле</translation>
    </message>
    <message>
        <source>any case</source>
        <translation>любое дело</translation>
    </message>
    <message>
        <source>Only about person</source>
        <translation>Только о человеке</translation>
    </message>
    <message>
        <source>any person</source>
        <translation>любой человек</translation>
    </message>
    <message>
        <source>Type a name in any spelling or script, or any words.</source>
        <translation>Введите имя в любом написании и любой письменностью или любые слова.</translation>
    </message>
    <message>
        <source>No matches.</source>
        <translation>Ничего не найдено.</translation>
    </message>
    <message>
        <source>Best matches first. More than %1 matched; add words or filters.</source>
        <translation>Сначала лучшие совпадения. Совпадений больше %1; добавьте слова или фильтры.</translation>
    </message>
    <message>
        <source>Matches: %1, best first.</source>
        <translation>Совпадений: %1, сначала лучшие.</translation>
    </message>
    <message>
        <source>Show %1 more</source>
        <translation>Показать ещё %1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>согласие отозвано</translation>
    </message>
</context>
<context>
    <name>TestimoniesPage</name>
    <message>
        <source>Testimonies</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>New testimony</source>
        <translation>Новые показания</translation>
    </message>
    <message>
        <source>Select a testimony to read it.</source>
        <translation>Выберите показания, чтобы прочитать их.</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Сначала новые</translation>
    </message>
    <message>
        <source>Recording date</source>
        <translation>Дата записи</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Свидетель</translation>
    </message>
    <message>
        <source>Any consent</source>
        <translation>Любое согласие</translation>
    </message>
    <message>
        <source>No testimonies yet. Record one with New testimony.</source>
        <translation>Показаний пока нет. Запишите их кнопкой «Новые показания».</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Отозвано</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Изменить</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Отозвать согласие…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Добавить заметку</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Копировать текст</translation>
    </message>
    <message>
        <source>History</source>
        <translation>История изменений</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Удалить…</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Отозвать согласие</translation>
    </message>
    <message>
        <source>Withdraw the witness&apos;s consent for this testimony?</source>
        <translation>Отозвать согласие свидетеля на эти показания?</translation>
    </message>
    <message>
        <source>From now on, dossiers and other exports leave this testimony out, whatever consent was given before. The text stays in the archive, and the earlier consent stays in its history.</source>
        <translation>С этого момента досье и другие экспорты не будут включать эти показания, какое бы согласие ни было дано раньше. Текст остаётся в архиве, а прежнее согласие — в истории изменений.</translation>
    </message>
    <message>
        <source>Testimony by %1</source>
        <translation>Показания: %1</translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation>записал(а): %1</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Согласие отозвано</translation>
    </message>
    <message>
        <source>Exports leave this testimony out.</source>
        <translation>Экспорт не включает эти показания.</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>Translation (%1)</source>
        <translation>Перевод (%1)</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1, переводчик: %2</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Заметки</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Изменить заметку</translation>
    </message>
</context>
<context>
    <name>TestimonyEditor</name>
    <message>
        <source>Edit testimony</source>
        <translation>Изменить показания</translation>
    </message>
    <message>
        <source>New testimony</source>
        <translation>Новые показания</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Свидетель</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Дела</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>Дата записи</translation>
    </message>
    <message>
        <source>Recorded where</source>
        <translation>Где записано</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Кто записал</translation>
    </message>
    <message>
        <source>e.g. kk, ru, en</source>
        <translation>напр. kk, ru, en</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Язык</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Показания</translation>
    </message>
    <message>
        <source>Translator</source>
        <translation>Переводчик</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Перевод</translation>
    </message>
    <message>
        <source>Add translation</source>
        <translation>Добавить перевод</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>Переводы</translation>
    </message>
    <message>
        <source>Consent was withdrawn; exports leave this testimony out.</source>
        <translation>Согласие отозвано; при экспорте эти показания не включаются.</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Согласие</translation>
    </message>
    <message>
        <source>Consent given on</source>
        <translation>Дата согласия</translation>
    </message>
    <message>
        <source>spoken</source>
        <translation>устно</translation>
    </message>
    <message>
        <source>written</source>
        <translation>письменно</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>записано</translation>
    </message>
    <message>
        <source>How consent was given</source>
        <translation>Как получено согласие</translation>
    </message>
    <message>
        <source>Not a date Tumar understands yet</source>
        <translation>Tumar пока не понимает такую дату</translation>
    </message>
    <message>
        <source>Choose the witness from the list.</source>
        <translation>Выберите свидетеля из списка.</translation>
    </message>
    <message>
        <source>A testimony needs its text.</source>
        <translation>У показаний должен быть текст.</translation>
    </message>
    <message>
        <source>Each translation needs its language.</source>
        <translation>Для каждого перевода укажите язык.</translation>
    </message>
</context>
<context>
    <name>TimelinePage</name>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Дело</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Открыть дело</translation>
    </message>
    <message>
        <source>This case has no events yet.</source>
        <translation>В этом деле пока нет событий.</translation>
    </message>
    <message>
        <source>A dot is an exact day; a bar covers every day an uncertain date may mean.</source>
        <translation>Точка — точный день; полоса охватывает все дни, которые может означать неточная дата.</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>parent</name>
    <message>
        <source>A copy leaves the archive</source>
        <translation>Копия покидает архив</translation>
    </message>
    <message>
        <source>The copy will not be encrypted.</source>
        <translation>Копия не будет зашифрована.</translation>
    </message>
    <message>
        <source>Anyone with access to this computer or to where you save it can open the copy. Delete it when you no longer need it.</source>
        <translation>Копию сможет открыть любой, у кого есть доступ к этому компьютеру или к месту, куда вы её сохраните. Удалите её, когда она станет не нужна.</translation>
    </message>
    <message>
        <source>Remove location and other metadata from the copy</source>
        <translation>Удалить из копии местоположение и другие метаданные</translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation>Выбрать, куда сохранить…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Сохранить копию</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Не экспортировано</translation>
    </message>
</context>
</TS>
