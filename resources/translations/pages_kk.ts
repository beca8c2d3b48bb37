<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>CaseEditor</name>
    <message>
        <source>Edit case</source>
        <translation>Істі өзгерту</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Жаңа іс</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Сот</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Юрисдикция</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Қысқаша сипаттама</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Адам</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Адам қосу</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Адамды алып тастау</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Адамдар</translation>
    </message>
    <message>
        <source>Separate tags with commas</source>
        <translation>Белгілерді үтірмен бөліңіз</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Белгілер</translation>
    </message>
    <message>
        <source>A case needs a title.</source>
        <translation>Істің атауы болуы керек.</translation>
    </message>
    <message>
        <source>Choose a person from the list in every row.</source>
        <translation>Әр жолда тізімнен адамды таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>CasesPage</name>
    <message>
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <source>New case</source>
        <translation>Жаңа іс</translation>
    </message>
    <message>
        <source>Select a case to see its people, timeline and testimonies.</source>
        <translation>Адамдарын, хронологиясын және айғақтарын көру үшін істі таңдаңыз.</translation>
    </message>
    <message>
        <source>No cases yet. Start one with New case.</source>
        <translation>Әзірге істер жоқ. «Жаңа іс» батырмасымен бастаңыз.</translation>
    </message>
    <message>
        <source>Recently changed</source>
        <translation>Жақында өзгертілгендер</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Алдымен жаңалары</translation>
    </message>
    <message>
        <source>All cases</source>
        <translation>Барлық істер</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Өзгерту</translation>
    </message>
    <message>
        <source>Add event</source>
        <translation>Оқиға қосу</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Жазба қосу</translation>
    </message>
    <message>
        <source>Dossier…</source>
        <translation>Досье…</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Өзгерістер тарихы</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Жою…</translation>
    </message>
    <message>
        <source>Select a case first, then add a note to it.</source>
        <translation>Алдымен істі таңдаңыз, содан кейін оған жазба қосыңыз.</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Адамдар</translation>
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
        <translation>Әзірге оқиғалар жоқ.</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Айғақтар</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>келісім кері қайтарылды</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Медиафайлдар</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Жазбаны өзгерту</translation>
    </message>
    <message>
        <source>No notes yet.</source>
        <translation>Әзірге жазбалар жоқ.</translation>
    </message>
</context>
<context>
    <name>DateField</name>
    <message>
        <source>e.g. 2019-10?  ·  2019~  ·  2013-03/2017-11</source>
        <translation>мыс. 2019-10?  ·  2019~  ·  2013-03/2017-11</translation>
    </message>
    <message>
        <source>Not a date Tumar understands yet</source>
        <translation>Tumar мұндай күнді әзірге түсінбейді</translation>
    </message>
</context>
<context>
    <name>DeadlinesPage</name>
    <message>
        <source>Deadlines</source>
        <translation>Мерзімдер</translation>
    </message>
    <message>
        <source>today</source>
        <translation>бүгін</translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation>ертең</translation>
    </message>
    <message>
        <source>1 day overdue</source>
        <translation>мерзімі 1 күн өтті</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>мерзімі %1 күн өтті</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>%1 күн қалды</translation>
    </message>
    <message>
        <source>Nothing here.</source>
        <translation>Мұнда ештеңе жоқ.</translation>
    </message>
    <message>
        <source>%1 in %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>No deadlines. Events dated in the future appear here.</source>
        <translation>Мерзімдер жоқ. Күні болашақта болатын оқиғалар осында шығады.</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Мерзімі өткен</translation>
    </message>
    <message>
        <source>This week</source>
        <translation>Осы аптада</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Кейінірек</translation>
    </message>
</context>
<context>
    <name>Deleting</name>
    <message>
        <source>Delete person</source>
        <translation>Адамды жою</translation>
    </message>
    <message>
        <source>Delete case</source>
        <translation>Істі жою</translation>
    </message>
    <message>
        <source>Delete %1, their %2 name(s) and %3 note(s)?</source>
        <translation>%1 есімдерімен (%2) және жазбаларымен (%3) бірге жою керек пе?</translation>
    </message>
    <message>
        <source>Delete the case %1 with its %2 event(s) and %3 note(s)?</source>
        <translation>%1 ісін оқиғаларымен (%2) және жазбаларымен (%3) бірге жою керек пе?</translation>
    </message>
    <message>
        <source>Delete the testimony by %1, its %2 translation(s) and %3 note(s)?</source>
        <translation>%1 берген айғақты аудармаларымен (%2) және жазбаларымен (%3) бірге жою керек пе?</translation>
    </message>
    <message>
        <source>Delete testimony</source>
        <translation>Айғақты жою</translation>
    </message>
    <message>
        <source>Delete the event “%1” of %2?</source>
        <translation>«%1» оқиғасын (%2) жою керек пе?</translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation>Оқиғаны жою</translation>
    </message>
    <message>
        <source>Delete the note “%1”?</source>
        <translation>«%1» жазбасын жою керек пе?</translation>
    </message>
    <message>
        <source>Delete note</source>
        <translation>Жазбаны жою</translation>
    </message>
    <message>
        <source>Not deleted</source>
        <translation>Жойылмады</translation>
    </message>
    <message>
        <source>It disappears from lists, search and exports. Nothing is erased: its earlier versions and the record of who deleted it when stay in its history.</source>
        <translation>Жазба тізімдерден, іздеуден және экспорттан жоғалады. Ештеңе өшірілмейді: бұрынғы нұсқалары мен оны кім, қашан жойғаны туралы белгі өзгерістер тарихында сақталады.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Жою</translation>
    </message>
</context>
<context>
    <name>DetailView</name>
    <message>
        <source>More</source>
        <translation>Тағы</translation>
    </message>
</context>
<context>
    <name>DuplicatesPage</name>
    <message>
        <source>Possible duplicates</source>
        <translation>Ықтимал қайталанулар</translation>
    </message>
    <message>
        <source>Tumar only proposes pairs: two different people can share a name. Compare them, and merge only when you are sure.</source>
        <translation>Tumar тек жұптарды ұсынады: екі түрлі адамның аты бірдей болуы мүмкін. Оларды салыстырып, сенімді болғанда ғана біріктіріңіз.</translation>
    </message>
    <message>
        <source>No likely duplicates right now. Names are compared across scripts and spellings each time this page opens.</source>
        <translation>Қазір ықтимал қайталанулар жоқ. Бұл бет ашылған сайын есімдер барлық жазу мен емле бойынша салыстырылады.</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Өріс</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Қалады</translation>
    </message>
    <message>
        <source>Merged into it</source>
        <translation>Оған қосылады</translation>
    </message>
    <message>
        <source>After the merge</source>
        <translation>Біріктіргеннен кейін</translation>
    </message>
    <message>
        <source>What the merge moves</source>
        <translation>Біріктіру нені ауыстырады</translation>
    </message>
    <message>
        <source>Keep the other one</source>
        <translation>Басқа жазбаны қалдыру</translation>
    </message>
    <message>
        <source>Merge…</source>
        <translation>Біріктіру…</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Көрсетілетін есім</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Есімдер</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Туған күні</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Жынысы</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Қауіптер</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Айғақтар</translation>
    </message>
    <message>
        <source>moves to %1</source>
        <translation>«%1» жазбасына ауысады</translation>
    </message>
    <message>
        <source>already there: folded into the kept one</source>
        <translation>бұрыннан бар: қалатын жазбаға біріктіріледі</translation>
    </message>
    <message>
        <source>%1 is then marked deleted; every old version stays in history.</source>
        <translation>Содан кейін «%1» жазбасы жойылған деп белгіленеді; барлық бұрынғы нұсқалар тарихта қалады.</translation>
    </message>
    <message>
        <source>What the merge will do</source>
        <translation>Біріктіру не істейді</translation>
    </message>
    <message>
        <source>Nothing to move.</source>
        <translation>Ауыстыратын ештеңе жоқ.</translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Біріктіру</translation>
    </message>
    <message>
        <source>Merge these two records into one person?</source>
        <translation>Осы екі жазбаны бір адамға біріктіру керек пе?</translation>
    </message>
    <message>
        <source>%1 records move and %2 duplicates are folded, as listed. History and the audit log keep every step.</source>
        <translation>Ауысатын жазбалар: %1, біріктірілетін қайталанулар: %2 — тізімдегідей. Тарих пен аудит журналы әр қадамды сақтайды.</translation>
    </message>
</context>
<context>
    <name>Editor</name>
    <message>
        <source>Unsaved changes</source>
        <translation>Сақталмаған өзгерістер</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Жою…</translation>
    </message>
</context>
<context>
    <name>EventEditor</name>
    <message>
        <source>Edit event</source>
        <translation>Оқиғаны өзгерту</translation>
    </message>
    <message>
        <source>New event</source>
        <translation>Жаңа оқиға</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Іс</translation>
    </message>
    <message>
        <source>What happened</source>
        <translation>Не болды</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орны</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Сипаттама</translation>
    </message>
    <message>
        <source>Where this is known from</source>
        <translation>Бұл қайдан белгілі</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Дереккөз</translation>
    </message>
    <message>
        <source>Add person</source>
        <translation>Адам қосу</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>Адамды алып тастау</translation>
    </message>
    <message>
        <source>People involved</source>
        <translation>Қатысқан адамдар</translation>
    </message>
    <message>
        <source>Choose the case this event belongs to.</source>
        <translation>Оқиға қай іске жататынын таңдаңыз.</translation>
    </message>
    <message>
        <source>An event needs a date, even an uncertain one.</source>
        <translation>Оқиғаның күні болуы керек, тіпті нақты болмаса да.</translation>
    </message>
    <message>
        <source>Not a date Tumar understands yet</source>
        <translation>Tumar мұндай күнді әзірге түсінбейді</translation>
    </message>
    <message>
        <source>Choose a person from the list in every row.</source>
        <translation>Әр жолда тізімнен адамды таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>HistoryDialog</name>
    <message>
        <source>History</source>
        <translation>Өзгерістер тарихы</translation>
    </message>
</context>
<context>
    <name>HistoryView</name>
    <message>
        <source>History</source>
        <translation>Өзгерістер тарихы</translation>
    </message>
    <message>
        <source>(empty)</source>
        <translation>(бос)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>иә</translation>
    </message>
    <message>
        <source>no</source>
        <translation>жоқ</translation>
    </message>
    <message>
        <source>Newest first. Earlier versions are never overwritten.</source>
        <translation>Алдымен жаңалары. Бұрынғы нұсқалар ешқашан қайта жазылмайды.</translation>
    </message>
    <message>
        <source>%1 · %2 · %3</source>
        <translation>%1 · %2 · %3</translation>
    </message>
    <message>
        <source>Another record was merged into this one.</source>
        <translation>Бұл жазбаға басқа жазба біріктірілді.</translation>
    </message>
    <message>
        <source>No visible field changed.</source>
        <translation>Көрінетін өрістер өзгермеді.</translation>
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
        <translation>Шифрланған мұрағатқа импорттау…</translation>
    </message>
    <message>
        <source>Import progress</source>
        <translation>Импорт барысы</translation>
    </message>
    <message>
        <source>Each file is hashed (SHA-256) as it is stored.</source>
        <translation>Әр файл сақталғанда оның SHA-256 хеші есептеледі.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Importing media</source>
        <translation>Медиафайлдарды импорттау</translation>
    </message>
    <message>
        <source>Stopping after the current piece of the file…</source>
        <translation>Файлдың ағымдағы бөлігінен кейін тоқтатылуда…</translation>
    </message>
    <message>
        <source>Import finished</source>
        <translation>Импорт аяқталды</translation>
    </message>
    <message>
        <source>New files stored: %1.</source>
        <translation>Сақталған жаңа файлдар: %1.</translation>
    </message>
    <message>
        <source>Already in the archive: %1.</source>
        <translation>Мұрағатта бұрыннан бар: %1.</translation>
    </message>
    <message>
        <source>Import stopped</source>
        <translation>Импорт тоқтатылды</translation>
    </message>
    <message>
        <source>Cancelled. The file being read was not kept; files finished before it stay in the archive.</source>
        <translation>Тоқтатылды. Оқылып жатқан файл сақталмады; одан бұрын аяқталған файлдар мұрағатта қалады.</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>witness</source>
        <translation>куәгер</translation>
    </message>
    <message>
        <source>victim</source>
        <translation>жәбірленуші</translation>
    </message>
    <message>
        <source>detainee</source>
        <translation>ұсталған</translation>
    </message>
    <message>
        <source>defendant</source>
        <translation>айыпталушы</translation>
    </message>
    <message>
        <source>relative</source>
        <translation>туысы</translation>
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
        <translation>сұхбат алушы</translation>
    </message>
    <message>
        <source>other</source>
        <translation>басқа</translation>
    </message>
    <message>
        <source>Border crossing</source>
        <translation>Шекарадан өту</translation>
    </message>
    <message>
        <source>Detention</source>
        <translation>Ұстау</translation>
    </message>
    <message>
        <source>Arrest</source>
        <translation>Қамауға алу</translation>
    </message>
    <message>
        <source>Hearing</source>
        <translation>Сот отырысы</translation>
    </message>
    <message>
        <source>Postponement</source>
        <translation>Кейінге қалдыру</translation>
    </message>
    <message>
        <source>Sentence</source>
        <translation>Үкім</translation>
    </message>
    <message>
        <source>Release</source>
        <translation>Босатылу</translation>
    </message>
    <message>
        <source>Deportation order</source>
        <translation>Депортация туралы шешім</translation>
    </message>
    <message>
        <source>Certificate issued</source>
        <translation>Құжат берілді</translation>
    </message>
    <message>
        <source>Certificate expires</source>
        <translation>Құжат мерзімі бітеді</translation>
    </message>
    <message>
        <source>Relative detained</source>
        <translation>Туысы ұсталды</translation>
    </message>
    <message>
        <source>Other event</source>
        <translation>Басқа оқиға</translation>
    </message>
    <message>
        <source>No consent</source>
        <translation>Келісім жоқ</translation>
    </message>
    <message>
        <source>Lawyers only</source>
        <translation>Тек заңгерлерге</translation>
    </message>
    <message>
        <source>Anonymised</source>
        <translation>Анонимді</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>Жария</translation>
    </message>
    <message>
        <source>Kept in the archive only; never leaves it.</source>
        <translation>Тек мұрағатта сақталады және одан ешқашан шықпайды.</translation>
    </message>
    <message>
        <source>May go into a confidential dossier for legal counsel, nowhere else.</source>
        <translation>Тек адвокатқа арналған құпия досьеге енуі мүмкін, басқа ешқайда.</translation>
    </message>
    <message>
        <source>May be shared with every name of the witness removed.</source>
        <translation>Куәгердің барлық есімдерін алып тастап бөлісуге болады.</translation>
    </message>
    <message>
        <source>May be shared as it is.</source>
        <translation>Сол күйінде бөлісуге болады.</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Ашық</translation>
    </message>
    <message>
        <source>Closed</source>
        <translation>Жабылған</translation>
    </message>
    <message>
        <source>Appeal</source>
        <translation>Апелляция</translation>
    </message>
    <message>
        <source>Monitoring</source>
        <translation>Бақылау</translation>
    </message>
    <message>
        <source>Relatives detained</source>
        <translation>Туыстары ұсталған</translation>
    </message>
    <message>
        <source>Under surveillance</source>
        <translation>Бақылауда</translation>
    </message>
    <message>
        <source>Travel ban</source>
        <translation>Шетке шығуға тыйым</translation>
    </message>
    <message>
        <source>Threatened</source>
        <translation>Қорқытылған</translation>
    </message>
    <message>
        <source>In detention</source>
        <translation>Қамауда</translation>
    </message>
    <message>
        <source>Photo</source>
        <translation>Фото</translation>
    </message>
    <message>
        <source>Video</source>
        <translation>Бейне</translation>
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
        <translation>Көрсетілетін есім</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Туған күні</translation>
    </message>
    <message>
        <source>Sex</source>
        <translation>Жынысы</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Қауіптер</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Есім</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Жазу</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Атауы</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Күйі</translation>
    </message>
    <message>
        <source>Jurisdiction</source>
        <translation>Юрисдикция</translation>
    </message>
    <message>
        <source>Court</source>
        <translation>Сот</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Қысқаша сипаттама</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Рөлі</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Күні</translation>
    </message>
    <message>
        <source>Place</source>
        <translation>Орны</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Сипаттама</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>Дереккөз</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Мәтін</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>Жазылған күні</translation>
    </message>
    <message>
        <source>Recorded where</source>
        <translation>Қайда жазылды</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Кім жазып алды</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Келісім</translation>
    </message>
    <message>
        <source>Consent given on</source>
        <translation>Келісім берілген күн</translation>
    </message>
    <message>
        <source>How consent was given</source>
        <translation>Келісім қалай берілді</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Келісім кері қайтарылды</translation>
    </message>
    <message>
        <source>Translator</source>
        <translation>Аудармашы</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Түсініктеме</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Жойылды</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Адам</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Іс</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Куәгер</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Айғақ</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Белгі</translation>
    </message>
    <message>
        <source>Media file</source>
        <translation>Медиафайл</translation>
    </message>
    <message>
        <source>Label</source>
        <translation>Белгісі</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Кілт</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Файл атауы</translation>
    </message>
    <message>
        <source>Fingerprint (SHA-256)</source>
        <translation>Цифрлық із (SHA-256)</translation>
    </message>
    <message>
        <source>Size (bytes)</source>
        <translation>Өлшемі (байт)</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>Файл түрі</translation>
    </message>
    <message>
        <source>Imported on</source>
        <translation>Импортталған күні</translation>
    </message>
    <message>
        <source>Imported on laptop</source>
        <translation>Импортталған ноутбук</translation>
    </message>
    <message>
        <source>Unreadable</source>
        <translation>Оқылмайды</translation>
    </message>
    <message>
        <source>Why it is unreadable</source>
        <translation>Неге оқылмайды</translation>
    </message>
    <message>
        <source>Photo metadata (EXIF)</source>
        <translation>Фото метадеректері (EXIF)</translation>
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
        <translation>Түсірілген күні</translation>
    </message>
    <message>
        <source>Orientation</source>
        <translation>Бағдары</translation>
    </message>
    <message>
        <source>Has a location</source>
        <translation>Координаттары бар</translation>
    </message>
    <message>
        <source>Latitude</source>
        <translation>Ендік</translation>
    </message>
    <message>
        <source>Longitude</source>
        <translation>Бойлық</translation>
    </message>
    <message>
        <source>Altitude (m)</source>
        <translation>Теңіз деңгейінен биіктігі (м)</translation>
    </message>
    <message>
        <source>Width (pixels)</source>
        <translation>Ені (пиксель)</translation>
    </message>
    <message>
        <source>Height (pixels)</source>
        <translation>Биіктігі (пиксель)</translation>
    </message>
    <message>
        <source>Duration (seconds)</source>
        <translation>Ұзақтығы (секунд)</translation>
    </message>
    <message>
        <source>Codec</source>
        <translation>Кодек</translation>
    </message>
    <message>
        <source>Kind of tagged record</source>
        <translation>Белгіленген жазба түрі</translation>
    </message>
    <message>
        <source>Tagged record</source>
        <translation>Белгіленген жазба</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>Жасалды</translation>
    </message>
    <message>
        <source>Changed</source>
        <translation>Өзгертілді</translation>
    </message>
    <message>
        <source>Merged</source>
        <translation>Біріктірілді</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортталды</translation>
    </message>
    <message>
        <source>Person in case</source>
        <translation>Істегі адам</translation>
    </message>
    <message>
        <source>Testimony in case</source>
        <translation>Істегі айғақ</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Аударма</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Медиафайлдар</translation>
    </message>
    <message>
        <source>legal</source>
        <translation>ресми</translation>
    </message>
    <message>
        <source>alias</source>
        <translation>лақап ат</translation>
    </message>
    <message>
        <source>transliteration</source>
        <translation>транслитерация</translation>
    </message>
    <message>
        <source>patronymic form</source>
        <translation>әкесінің атымен</translation>
    </message>
</context>
<context>
    <name>Language</name>
    <message>
        <source>en</source>
        <translation>kk</translation>
    </message>
</context>
<context>
    <name>LinkMediaDialog</name>
    <message>
        <source>Link to a case</source>
        <translation>Іспен байланыстыру</translation>
    </message>
    <message>
        <source>Link to a person</source>
        <translation>Адаммен байланыстыру</translation>
    </message>
    <message>
        <source>The file is stored once and shown with every record it is linked to.</source>
        <translation>Файл бір рет сақталады және өзі байланысқан әр жазбада көрсетіледі.</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Байланыстыру</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Choose one from the list.</source>
        <translation>Тізімнен таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>LinkedCases</name>
    <message>
        <source>Add to case</source>
        <translation>Іске қосу</translation>
    </message>
    <message>
        <source>Remove from case</source>
        <translation>Істен алып тастау</translation>
    </message>
    <message>
        <source>Cases of this testimony</source>
        <translation>Осы айғақ қатысты істер</translation>
    </message>
</context>
<context>
    <name>ListDetailPage</name>
    <message>
        <source>Filter this list</source>
        <translation>Тізімді сүзу</translation>
    </message>
    <message>
        <source>Sort by</source>
        <translation>Сұрыптау</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Көрсету</translation>
    </message>
    <message>
        <source>Select an item on the left to see it here.</source>
        <translation>Осында көру үшін сол жақтан жазбаны таңдаңыз.</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Алдымен жаңалары</translation>
    </message>
    <message>
        <source>Nothing matches this filter.</source>
        <translation>Бұл сүзгіге сәйкес ештеңе жоқ.</translation>
    </message>
    <message>
        <source>Nothing here yet.</source>
        <translation>Мұнда әзірге ештеңе жоқ.</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Сақталмаған өзгерістер</translation>
    </message>
    <message>
        <source>Save your changes before leaving?</source>
        <translation>Шықпас бұрын өзгерістерді сақтау керек пе?</translation>
    </message>
</context>
<context>
    <name>MediaLinks</name>
    <message>
        <source>Remove link</source>
        <translation>Байланысты алып тастау</translation>
    </message>
    <message>
        <source>Remove this file from %1?</source>
        <translation>Бұл файлды «%1» ішінен алып тастау керек пе?</translation>
    </message>
    <message>
        <source>The file itself stays in the archive, with its other links. The link is kept in its history, and you can link the file again.</source>
        <translation>Файлдың өзі басқа байланыстарымен бірге мұрағатта қалады. Байланыс оның тарихында сақталады, файлды қайта байланыстыруға болады.</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Not changed</source>
        <translation>Өзгертілмеді</translation>
    </message>
</context>
<context>
    <name>MediaPage</name>
    <message>
        <source>Media</source>
        <translation>Медиафайлдар</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Импорттау…</translation>
    </message>
    <message>
        <source>Select a photo, video or recording. Drop files here to import them: each is hashed and stored encrypted.</source>
        <translation>Фото, бейне не жазбаны таңдаңыз. Импорттау үшін файлдарды осында сүйреңіз: әрқайсысы хештеліп, шифрланып сақталады.</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Алдымен жаңалары</translation>
    </message>
    <message>
        <source>Capture time</source>
        <translation>Түсірілген уақыты</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>Файл атауы</translation>
    </message>
    <message>
        <source>All media</source>
        <translation>Барлық медиафайлдар</translation>
    </message>
    <message>
        <source>Export a copy…</source>
        <translation>Көшірмесін экспорттау…</translation>
    </message>
    <message>
        <source>Open externally…</source>
        <translation>Басқа бағдарламада ашу…</translation>
    </message>
    <message>
        <source>Link to a case…</source>
        <translation>Іспен байланыстыру…</translation>
    </message>
    <message>
        <source>Link to a person…</source>
        <translation>Адаммен байланыстыру…</translation>
    </message>
    <message>
        <source>Copy SHA-256</source>
        <translation>SHA-256 көшіру</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Өзгерістер тарихы</translation>
    </message>
    <message>
        <source>Choose files to import</source>
        <translation>Импорттайтын файлдарды таңдаңыз</translation>
    </message>
    <message>
        <source>Remove link</source>
        <translation>Байланысты алып тастау</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256</translation>
    </message>
    <message>
        <source>Captured</source>
        <translation>Түсірілген</translation>
    </message>
    <message>
        <source>Camera</source>
        <translation>Камера</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Импортталды</translation>
    </message>
    <message>
        <source>Caption</source>
        <translation>Түсініктеме</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Айғақ</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>Байланысты</translation>
    </message>
    <message>
        <source>Location</source>
        <translation>Орналасқан жері</translation>
    </message>
    <message>
        <source>This photo records where it was taken. Remove it before sharing.</source>
        <translation>Бұл фотода қай жерде түсірілгені жазылған. Бөліспес бұрын оны алып тастаңыз.</translation>
    </message>
    <message>
        <source>Sensitive</source>
        <translation>Құпия</translation>
    </message>
    <message>
        <source>Latitude, longitude</source>
        <translation>Ендік, бойлық</translation>
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
        <translation>Жазбаны өзгерту</translation>
    </message>
    <message>
        <source>New note</source>
        <translation>Жаңа жазба</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>A note needs some text.</source>
        <translation>Жазба бос болмауы керек.</translation>
    </message>
</context>
<context>
    <name>Pages</name>
    <message>
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Адамдар</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Айғақтар</translation>
    </message>
    <message>
        <source>Media</source>
        <translation>Медиафайлдар</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Хронология</translation>
    </message>
    <message>
        <source>Deadlines</source>
        <translation>Мерзімдер</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Іздеу</translation>
    </message>
    <message>
        <source>Duplicates</source>
        <translation>Ықтимал қайталанулар</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>People</source>
        <translation>Адамдар</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Жаңа адам</translation>
    </message>
    <message>
        <source>Select a person to see their names, cases and testimonies.</source>
        <translation>Есімдерін, істерін және айғақтарын көру үшін адамды таңдаңыз.</translation>
    </message>
    <message>
        <source>No people yet. Add someone with New person.</source>
        <translation>Әзірге адамдар жоқ. «Жаңа адам» батырмасымен қосыңыз.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Есім</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Алдымен жаңалары</translation>
    </message>
    <message>
        <source>At risk</source>
        <translation>Қауіп бар</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Өзгерту</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Өзгерістер тарихы</translation>
    </message>
    <message>
        <source>Copy name</source>
        <translation>Есімді көшіру</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Жою…</translation>
    </message>
    <message>
        <source>Born %1</source>
        <translation>Туған: %1</translation>
    </message>
    <message>
        <source>Names</source>
        <translation>Есімдер</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Айғақтар</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Жазбалар</translation>
    </message>
</context>
<context>
    <name>PersonEditor</name>
    <message>
        <source>Edit person</source>
        <translation>Адам деректерін өзгерту</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>Жаңа адам</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Көрсетілетін есім</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Есім</translation>
    </message>
    <message>
        <source>Script</source>
        <translation>Жазу</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Add name</source>
        <translation>Есім қосу</translation>
    </message>
    <message>
        <source>Remove name</source>
        <translation>Есімді алып тастау</translation>
    </message>
    <message>
        <source>Other names</source>
        <translation>Басқа есімдері</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Туған күні</translation>
    </message>
    <message>
        <source>Relatives detained</source>
        <translation>Туыстары ұсталған</translation>
    </message>
    <message>
        <source>Under surveillance</source>
        <translation>Бақылауда</translation>
    </message>
    <message>
        <source>Travel ban</source>
        <translation>Шетке шығуға тыйым</translation>
    </message>
    <message>
        <source>Threatened</source>
        <translation>Қорқытылған</translation>
    </message>
    <message>
        <source>In detention</source>
        <translation>Қамауда</translation>
    </message>
    <message>
        <source>Risks</source>
        <translation>Қауіптер</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <source>A person needs a name.</source>
        <translation>Адамның аты болуы керек.</translation>
    </message>
    <message>
        <source>Not a date Tumar understands yet</source>
        <translation>Tumar мұндай күнді әзірге түсінбейді</translation>
    </message>
</context>
<context>
    <name>RecordPicker</name>
    <message>
        <source>Type to search…</source>
        <translation>Іздеу үшін теріңіз…</translation>
    </message>
</context>
<context>
    <name>SearchPage</name>
    <message>
        <source>Search names, testimonies, notes, cases, events</source>
        <translation>Есімдер, айғақтар, жазбалар, істер, оқиғалар бойынша іздеу</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Іздеу</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Адамдар</translation>
    </message>
    <message>
        <source>Testimonies</source>
        <translation>Айғақтар</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <source>Events</source>
        <translation>Оқиғалар</translation>
    </message>
    <message>
        <source>from (e.g. 2017)</source>
        <translation>бастап (мыс. 2017)</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>Басталу күні</translation>
    </message>
    <message>
        <source>to (e.g. 2019-10)</source>
        <translation>дейін (мыс. 2019-10)</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>Аяқталу күні</translation>
    </message>
    <message>
        <source>tag</source>
        <translation>белгі</translation>
    </message>
    <message>
        <source>Tag</source>
        <translation>Белгі</translation>
    </message>
    <message>
        <source>Search results</source>
        <translation>Іздеу нәтижелері</translation>
    </message>
    <message>
        <source>e.g. brother AND (border OR detained)</source>
        <translation>мысалы: аға AND (шекара OR ұсталды)</translation>
    </message>
    <message>
        <source>Only:</source>
        <translation>Тек:</translation>
    </message>
    <message>
        <source>Tick none to search every type of record.</source>
        <translation>Барлық түрдегі жазбаларды іздеу үшін ештеңе белгілемеңіз.</translation>
    </message>
    <message>
        <source>Advanced syntax</source>
        <translation>Кеңейтілген синтаксис</translation>
    </message>
    <message>
        <source>The box takes search syntax: AND, OR, NOT, NEAR(a b), &quot;exact words&quot;, prefix*. Without it, every word is looked for as typed.</source>
        <translation>Өріс іздеу синтаксисін түсінеді: AND, OR, NOT, NEAR(a b), &quot;нақты сөздер&quot;, префикс*. Онсыз әр сөз терілгендей ізделеді.</translation>
    </message>
    <message>
        <source>Only in case</source>
        <translation>Тек істе</translation>
    </message>
    <message>
        <source>any case</source>
        <translation>кез келген іс</translation>
    </message>
    <message>
        <source>Only about person</source>
        <translation>Тек адам туралы</translation>
    </message>
    <message>
        <source>any person</source>
        <translation>кез келген адам</translation>
    </message>
    <message>
        <source>Type a name in any spelling or script, or any words.</source>
        <translation>Есімді кез келген емле мен жазуда немесе кез келген сөздерді енгізіңіз.</translation>
    </message>
    <message>
        <source>No matches.</source>
        <translation>Ештеңе табылмады.</translation>
    </message>
    <message>
        <source>Best matches first. More than %1 matched; add words or filters.</source>
        <translation>Алдымен ең жақсы сәйкестіктер. Сәйкестіктер %1-ден көп; сөздер не сүзгілер қосыңыз.</translation>
    </message>
    <message>
        <source>Matches: %1, best first.</source>
        <translation>Сәйкестіктер: %1, алдымен ең жақсылары.</translation>
    </message>
    <message>
        <source>Show %1 more</source>
        <translation>Тағы %1 көрсету</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>келісім кері қайтарылды</translation>
    </message>
</context>
<context>
    <name>TestimoniesPage</name>
    <message>
        <source>Testimonies</source>
        <translation>Айғақтар</translation>
    </message>
    <message>
        <source>New testimony</source>
        <translation>Жаңа айғақ</translation>
    </message>
    <message>
        <source>Select a testimony to read it.</source>
        <translation>Оқу үшін айғақты таңдаңыз.</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Алдымен жаңалары</translation>
    </message>
    <message>
        <source>Recording date</source>
        <translation>Жазылған күні</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Куәгер</translation>
    </message>
    <message>
        <source>Any consent</source>
        <translation>Кез келген келісім</translation>
    </message>
    <message>
        <source>No testimonies yet. Record one with New testimony.</source>
        <translation>Әзірге айғақтар жоқ. «Жаңа айғақ» батырмасымен жазыңыз.</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>Қайтарылды</translation>
    </message>
    <message>
        <source>Edit</source>
        <translation>Өзгерту</translation>
    </message>
    <message>
        <source>Withdraw consent…</source>
        <translation>Келісімді кері қайтару…</translation>
    </message>
    <message>
        <source>Add note</source>
        <translation>Жазба қосу</translation>
    </message>
    <message>
        <source>Copy text</source>
        <translation>Мәтінді көшіру</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Өзгерістер тарихы</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Жою…</translation>
    </message>
    <message>
        <source>Withdraw consent</source>
        <translation>Келісімді кері қайтару</translation>
    </message>
    <message>
        <source>Withdraw the witness&apos;s consent for this testimony?</source>
        <translation>Куәгердің осы айғаққа берген келісімін кері қайтару керек пе?</translation>
    </message>
    <message>
        <source>From now on, dossiers and other exports leave this testimony out, whatever consent was given before. The text stays in the archive, and the earlier consent stays in its history.</source>
        <translation>Осы сәттен бастап досье мен басқа экспорттарға бұл айғақ кірмейді, бұрын қандай келісім берілсе де. Мәтін мұрағатта қалады, ал бұрынғы келісім өзгерістер тарихында сақталады.</translation>
    </message>
    <message>
        <source>Testimony by %1</source>
        <translation>Айғақ: %1</translation>
    </message>
    <message>
        <source>recorded by %1</source>
        <translation>жазып алған: %1</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Келісім</translation>
    </message>
    <message>
        <source>Consent withdrawn</source>
        <translation>Келісім кері қайтарылды</translation>
    </message>
    <message>
        <source>Exports leave this testimony out.</source>
        <translation>Экспортқа бұл айғақ кірмейді.</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Айғақ</translation>
    </message>
    <message>
        <source>Translation (%1)</source>
        <translation>Аударма (%1)</translation>
    </message>
    <message>
        <source>%1, by %2</source>
        <translation>%1, аударған: %2</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Жазбалар</translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation>Жазбаны өзгерту</translation>
    </message>
</context>
<context>
    <name>TestimonyEditor</name>
    <message>
        <source>Edit testimony</source>
        <translation>Айғақты өзгерту</translation>
    </message>
    <message>
        <source>New testimony</source>
        <translation>Жаңа айғақ</translation>
    </message>
    <message>
        <source>Witness</source>
        <translation>Куәгер</translation>
    </message>
    <message>
        <source>Cases</source>
        <translation>Істер</translation>
    </message>
    <message>
        <source>Recorded on</source>
        <translation>Жазылған күні</translation>
    </message>
    <message>
        <source>Recorded where</source>
        <translation>Қайда жазылды</translation>
    </message>
    <message>
        <source>Recorded by</source>
        <translation>Кім жазып алды</translation>
    </message>
    <message>
        <source>e.g. kk, ru, en</source>
        <translation>мыс. kk, ru, en</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Айғақ</translation>
    </message>
    <message>
        <source>Translator</source>
        <translation>Аудармашы</translation>
    </message>
    <message>
        <source>Translation</source>
        <translation>Аударма</translation>
    </message>
    <message>
        <source>Add translation</source>
        <translation>Аударма қосу</translation>
    </message>
    <message>
        <source>Translations</source>
        <translation>Аудармалар</translation>
    </message>
    <message>
        <source>Consent was withdrawn; exports leave this testimony out.</source>
        <translation>Келісім кері қайтарылды; экспортқа бұл айғақ кірмейді.</translation>
    </message>
    <message>
        <source>Consent</source>
        <translation>Келісім</translation>
    </message>
    <message>
        <source>Consent given on</source>
        <translation>Келісім берілген күн</translation>
    </message>
    <message>
        <source>spoken</source>
        <translation>ауызша</translation>
    </message>
    <message>
        <source>written</source>
        <translation>жазбаша</translation>
    </message>
    <message>
        <source>recorded</source>
        <translation>жазып алынды</translation>
    </message>
    <message>
        <source>How consent was given</source>
        <translation>Келісім қалай берілді</translation>
    </message>
    <message>
        <source>Not a date Tumar understands yet</source>
        <translation>Tumar мұндай күнді әзірге түсінбейді</translation>
    </message>
    <message>
        <source>Choose the witness from the list.</source>
        <translation>Куәгерді тізімнен таңдаңыз.</translation>
    </message>
    <message>
        <source>A testimony needs its text.</source>
        <translation>Айғақтың мәтіні болуы керек.</translation>
    </message>
    <message>
        <source>Each translation needs its language.</source>
        <translation>Әр аударманың тілін көрсетіңіз.</translation>
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
        <translation>Іс</translation>
    </message>
    <message>
        <source>Open case</source>
        <translation>Істі ашу</translation>
    </message>
    <message>
        <source>This case has no events yet.</source>
        <translation>Бұл істе әзірге оқиғалар жоқ.</translation>
    </message>
    <message>
        <source>A dot is an exact day; a bar covers every day an uncertain date may mean.</source>
        <translation>Нүкте — нақты күн; жолақ нақты емес күн білдіруі мүмкін барлық күндерді қамтиды.</translation>
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
        <translation>Көшірме мұрағаттан шығады</translation>
    </message>
    <message>
        <source>The copy will not be encrypted.</source>
        <translation>Көшірме шифрланбайды.</translation>
    </message>
    <message>
        <source>Anyone with access to this computer or to where you save it can open the copy. Delete it when you no longer need it.</source>
        <translation>Көшірмені осы компьютерге немесе оны сақтаған жерге қолы жететін кез келген адам аша алады. Қажеті болмаған соң оны жойыңыз.</translation>
    </message>
    <message>
        <source>Remove location and other metadata from the copy</source>
        <translation>Көшірмеден орналасқан жер мен басқа метадеректерді алып тастау</translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation>Қайда сақтауды таңдау…</translation>
    </message>
    <message>
        <source>Save a copy</source>
        <translation>Көшірмесін сақтау</translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation>Экспортталмады</translation>
    </message>
</context>
</TS>
