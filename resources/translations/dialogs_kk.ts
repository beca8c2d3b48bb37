<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>BackupDialog</name>
    <message>
        <source>Back up the archive</source>
        <translation>Мұрағаттың сақтық көшірмесін жасау</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>Encrypt to a passphrase instead of team keys</source>
        <translation>Команда кілттерінің орнына құпия фразамен шифрлау</translation>
    </message>
    <message>
        <source>keep all</source>
        <translation>барлығын сақтау</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>Қалта</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Құпия фраза</translation>
    </message>
    <message>
        <source>Repeat</source>
        <translation>Қайталаңыз</translation>
    </message>
    <message>
        <source>Backups to keep</source>
        <translation>Сақталатын көшірмелер саны</translation>
    </message>
    <message>
        <source>Back up</source>
        <translation>Көшірме жасау</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Backup folder</source>
        <translation>Сақтық көшірмелер қалтасы</translation>
    </message>
    <message>
        <source>Choose an existing folder for the backup.</source>
        <translation>Сақтық көшірме үшін бар қалтаны таңдаңыз.</translation>
    </message>
    <message>
        <source>Type the same passphrase twice (8 characters or more).</source>
        <translation>Бір құпия фразаны екі рет енгізіңіз (кемінде 8 таңба).</translation>
    </message>
    <message>
        <source>Backup</source>
        <translation>Сақтық көшірме</translation>
    </message>
    <message>
        <source>Backup written: %1</source>
        <translation>Сақтық көшірме жазылды: %1</translation>
    </message>
</context>
<context>
    <name>ConflictsDialog</name>
    <message>
        <source>Conflicts to review</source>
        <translation>Қарауға арналған қайшылықтар</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Түрі</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>Found</source>
        <translation>Табылды</translation>
    </message>
    <message>
        <source>Keep this laptop&apos;s version</source>
        <translation>Осы ноутбуктің нұсқасын қалдыру</translation>
    </message>
    <message>
        <source>Keep the other version</source>
        <translation>Басқа нұсқаны қалдыру</translation>
    </message>
    <message>
        <source>Nothing to review: no edits clashed.</source>
        <translation>Қарайтын ештеңе жоқ: өзгерістер қайшы келген жоқ.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>The same record was changed on two laptops. Keep one version; the other stays in the record&apos;s history.</source>
        <translation>Бір жазба екі ноутбукта өзгертілді. Бір нұсқасын қалдырыңыз; екіншісі жазбаның өзгерістер тарихында сақталады.</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Адам</translation>
    </message>
    <message>
        <source>Name of a person</source>
        <translation>Адамның аты</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Іс</translation>
    </message>
    <message>
        <source>Person in a case</source>
        <translation>Істегі адам</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>Person in an event</source>
        <translation>Оқиғадағы адам</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Айғақ</translation>
    </message>
    <message>
        <source>Testimony in a case</source>
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
        <source>Tag</source>
        <translation>Белгі</translation>
    </message>
    <message>
        <source>Tag on a record</source>
        <translation>Жазбадағы белгі</translation>
    </message>
    <message>
        <source>Media file</source>
        <translation>Медиафайл</translation>
    </message>
    <message>
        <source>Media file in a record</source>
        <translation>Жазбадағы медиафайл</translation>
    </message>
    <message>
        <source>Team member</source>
        <translation>Команда мүшесі</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Қайшылықтар</translation>
    </message>
    <message>
        <source>(no title)</source>
        <translation>(атауы жоқ)</translation>
    </message>
    <message>
        <source>This version has not reached this laptop.</source>
        <translation>Бұл нұсқа осы ноутбукке әлі жеткен жоқ.</translation>
    </message>
    <message>
        <source>Deleted the record on %1</source>
        <translation>Жазба жойылды: %1</translation>
    </message>
    <message>
        <source>Edited on %1</source>
        <translation>Өзгертілді: %1</translation>
    </message>
    <message>
        <source>deleted</source>
        <translation>жойылды</translation>
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
        <source>(empty)</source>
        <translation>(бос)</translation>
    </message>
    <message>
        <source>%1 · found on %2</source>
        <translation>%1 · табылды: %2</translation>
    </message>
    <message>
        <source>Neither version was made on this laptop: “This laptop” is the version it shows now.</source>
        <translation>Екі нұсқаның ешқайсысы осы ноутбукта жасалмаған: «Осы ноутбук» — ол қазір көрсетіп тұрған нұсқа.</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Осы ноутбук</translation>
    </message>
    <message>
        <source>The other laptop</source>
        <translation>Басқа ноутбук</translation>
    </message>
    <message>
        <source>Keeping a deleted version also deletes its notes and events.</source>
        <translation>Жойылған нұсқаны қалдырсаңыз, оның жазбалары мен оқиғалары да жойылады.</translation>
    </message>
    <message>
        <source>Keeping a deleted version also deletes its notes.</source>
        <translation>Жойылған нұсқаны қалдырсаңыз, оның жазбалары да жойылады.</translation>
    </message>
    <message>
        <source>Marked: the words in which the versions differ.</source>
        <translation>Белгіленгені: нұсқалар ерекшеленетін сөздер.</translation>
    </message>
    <message>
        <source>The only difference: one laptop deleted it.</source>
        <translation>Жалғыз айырмашылық: бір ноутбукта жазба жойылған.</translation>
    </message>
    <message>
        <source>Both versions hold the same content.</source>
        <translation>Екі нұсқаның мазмұны бірдей.</translation>
    </message>
    <message>
        <source>Settle a conflict</source>
        <translation>Қайшылықты шешу</translation>
    </message>
    <message>
        <source>This one was already settled; the list is up to date.</source>
        <translation>Бұл қайшылық әлдеқашан шешілген; тізім жаңартылды.</translation>
    </message>
    <message>
        <source>Kept this laptop&apos;s version; the other is in history.</source>
        <translation>Осы ноутбуктің нұсқасы қалдырылды; екіншісі өзгерістер тарихында.</translation>
    </message>
    <message>
        <source>Kept the other version; this laptop&apos;s is in history.</source>
        <translation>Басқа нұсқа қалдырылды; осы ноутбуктің нұсқасы өзгерістер тарихында.</translation>
    </message>
</context>
<context>
    <name>DossierDialog</name>
    <message>
        <source>Export signed dossier</source>
        <translation>Қол қойылған досьені экспорттау</translation>
    </message>
    <message>
        <source>Confidential — include lawyer-only testimonies</source>
        <translation>Құпия — тек адвокатқа арналған айғақтарды қосу</translation>
    </message>
    <message>
        <source>Keep photo locations (GPS) in embedded photos</source>
        <translation>Енгізілген фотосуреттерде орынды (GPS) сақтау</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>Case</source>
        <translation>Іс</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Адам</translation>
    </message>
    <message>
        <source>Labels in</source>
        <translation>Жазулар тілі</translation>
    </message>
    <message>
        <source>Save as</source>
        <translation>Сақтау орны</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Экспорттау</translation>
    </message>
    <message>
        <source>What the dossier will contain</source>
        <translation>Досьеге не кіреді</translation>
    </message>
    <message>
        <source>Whole case</source>
        <translation>Бүкіл іс</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>There is no case to export.</source>
        <translation>Экспорттайтын іс жоқ.</translation>
    </message>
    <message>
        <source>Save dossier as</source>
        <translation>Досьені сақтау</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Choose where to save the dossier.</source>
        <translation>Досьені қайда сақтайтыныңызды таңдаңыз.</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Экспортталуда…</translation>
    </message>
    <message>
        <source>Export dossier</source>
        <translation>Досьені экспорттау</translation>
    </message>
    <message>
        <source>Signed dossier written: {path} ({photos} photos).</source>
        <translation>Қол қойылған досье жазылды: {path} (фотосуреттер: {photos}).</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
</context>
<context>
    <name>DossierPreview</name>
    <message>
        <source>Included (%1)</source>
        <translation>Енгізілген (%1)</translation>
    </message>
    <message>
        <source>Left out (%1)</source>
        <translation>Енгізілмеген (%1)</translation>
    </message>
    <message>
        <source>Anonymised (%1)</source>
        <translation>Жасырылған (%1)</translation>
    </message>
    <message>
        <source>Every page will be marked “Confidential — for legal counsel”.</source>
        <translation>Әр бетте «Құпия — адвокат үшін» белгісі болады.</translation>
    </message>
    <message>
        <source>testimony</source>
        <translation>айғақ</translation>
    </message>
    <message>
        <source>media</source>
        <translation>медиафайл</translation>
    </message>
    <message>
        <source>person</source>
        <translation>адам</translation>
    </message>
    <message>
        <source>note</source>
        <translation>жазба</translation>
    </message>
    <message>
        <source>on the case</source>
        <translation>іске</translation>
    </message>
    <message>
        <source>on the testimony by %1</source>
        <translation>айғаққа: %1</translation>
    </message>
    <message>
        <source>by %1</source>
        <translation>куәгер: %1</translation>
    </message>
    <message>
        <source>on %1</source>
        <translation>адам туралы: %1</translation>
    </message>
    <message>
        <source>consent withdrawn</source>
        <translation>келісім кері қайтарылды</translation>
    </message>
    <message>
        <source>no consent to share</source>
        <translation>беруге келісім жоқ</translation>
    </message>
    <message>
        <source>consent for legal counsel only; tick “Confidential” to include</source>
        <translation>келісім тек адвокат үшін; қосу үшін «Құпия» белгісін қойыңыз</translation>
    </message>
    <message>
        <source>in the case</source>
        <translation>іске қатысты</translation>
    </message>
    <message>
        <source>linked to a testimony that is left out</source>
        <translation>енгізілмеген айғаққа байланысты</translation>
    </message>
    <message>
        <source>linked to an included testimony</source>
        <translation>енгізілген айғаққа байланысты</translation>
    </message>
    <message>
        <source>linked to the case</source>
        <translation>іспен байланысты</translation>
    </message>
    <message>
        <source>testimony consent: anonymised</source>
        <translation>айғаққа келісім: жасырын</translation>
    </message>
    <message>
        <source>attached to an included record</source>
        <translation>енгізілген материалға тіркелген</translation>
    </message>
    <message>
        <source>a one-person dossier</source>
        <translation>бір адам туралы досье</translation>
    </message>
    <message>
        <source>remarks about an anonymised person could identify them</source>
        <translation>жасырылған адам туралы жазбалар оның кім екенін ашып қоюы мүмкін</translation>
    </message>
    <message>
        <source>attached to a testimony that is left out</source>
        <translation>енгізілмеген айғаққа тіркелген</translation>
    </message>
    <message>
        <source>consent: %1</source>
        <translation>келісім: %1</translation>
    </message>
    <message>
        <source>risk flag (%1)</source>
        <translation>қауіп белгісі (%1)</translation>
    </message>
</context>
<context>
    <name>SyncDialog</name>
    <message>
        <source>Sync with the team</source>
        <translation>Командамен синхрондау</translation>
    </message>
    <message>
        <source>Sync folder (USB stick or Syncthing share)</source>
        <translation>Синхрондау қалтасы (USB жинақтағыш немесе Syncthing қалтасы)</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Алдын ала қарау</translation>
    </message>
    <message>
        <source>Sync now</source>
        <translation>Қазір синхрондау</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Tumar runs no server: it only reads and writes this folder.</source>
        <translation>Tumar сервер қолданбайды: тек осы қалтаны оқиды және оған жазады.</translation>
    </message>
    <message>
        <source>Sync folder</source>
        <translation>Синхрондау қалтасы</translation>
    </message>
    <message>
        <source>Sync preview</source>
        <translation>Синхрондауды алдын ала қарау</translation>
    </message>
    <message>
        <source>Sync</source>
        <translation>Синхрондау</translation>
    </message>
    <message>
        <source>Nothing new from the others.</source>
        <translation>Басқалардан жаңа ештеңе жоқ.</translation>
    </message>
    <message>
        <source>Preview only: nothing was changed. Sync now to apply.</source>
        <translation>Тек алдын ала қарау: ештеңе өзгерген жоқ. Қолдану үшін «Қазір синхрондау» түймесін басыңыз.</translation>
    </message>
    <message>
        <source>Synced; this laptop&apos;s bundle was written.</source>
        <translation>Синхрондалды; осы ноутбуктің бумасы жазылды.</translation>
    </message>
    <message>
        <source>Synced; nothing new to write.</source>
        <translation>Синхрондалды; жазатын жаңа ештеңе жоқ.</translation>
    </message>
</context>
<context>
    <name>SyncReportText</name>
    <message>
        <source>Skipped %1: %2</source>
        <translation>Өткізіліп жіберілді: %1 — %2</translation>
    </message>
    <message>
        <source>the file is damaged or incomplete; copy it again from the laptop that wrote it</source>
        <translation>файл бүлінген немесе толық емес; оны жазған ноутбуктан қайта көшіріңіз</translation>
    </message>
    <message>
        <source>no key this laptop holds opens it; that laptop must add this laptop&apos;s key to its team</source>
        <translation>бұл ноутбуктегі бірде-бір кілт оны ашпайды; ол ноутбук осы ноутбуктің кілтін өз тобына қосуы керек</translation>
    </message>
    <message>
        <source>it belongs to another archive</source>
        <translation>ол басқа мұрағатқа тиесілі</translation>
    </message>
    <message>
        <source>it is this laptop&apos;s own bundle</source>
        <translation>бұл осы ноутбуктің өз бумасы</translation>
    </message>
    <message>
        <source>its laptop was removed from the team; delete the file, or add the laptop again</source>
        <translation>оның ноутбугі топтан алып тасталған; файлды жойыңыз немесе ноутбукті қайта қосыңыз</translation>
    </message>
    <message>
        <source>it claims to come from a laptop but is signed by another key; refused</source>
        <translation>ол бір ноутбуктен келгенін айтады, бірақ басқа кілтпен қол қойылған; қабылданбады</translation>
    </message>
    <message>
        <source>the clock of the laptop that wrote it is more than a day ahead; correct its date and sync again</source>
        <translation>оны жазған ноутбуктің сағаты бір тәуліктен артық алда; сол жердегі күнді түзетіп, қайта синхрондаңыз</translation>
    </message>
    <message>
        <source>it assumes edits this laptop has not received yet; sync again after that laptop has seen this laptop&apos;s bundle</source>
        <translation>ол бұл ноутбук әлі алмаған өзгерістерге сүйенеді; ол ноутбук осы ноутбуктің бумасын көргеннен кейін қайта синхрондаңыз</translation>
    </message>
    <message>
        <source>the file changed while it was read; sync again</source>
        <translation>файл оқылып жатқанда өзгерді; қайта синхрондаңыз</translation>
    </message>
    <message>
        <source>a newer Tumar wrote it; update Tumar</source>
        <translation>оны Tumar-дың жаңарақ нұсқасы жазған; Tumar-ды жаңартыңыз</translation>
    </message>
    <message>
        <source>Bundle from replica %1 (a replica this archive has never seen; its key will be pinned when you sync)</source>
        <translation>Мұрағат көшірмесі %1 жіберген бума (бұл мұрағат бұрын көрмеген көшірме; оның кілті синхрондау кезінде бекітіледі)</translation>
    </message>
    <message>
        <source>Bundle from replica %1 (a replica this archive has never seen; its key is now pinned)</source>
        <translation>Мұрағат көшірмесі %1 жіберген бума (бұл мұрағат бұрын көрмеген көшірме; оның кілті енді бекітілді)</translation>
    </message>
    <message>
        <source>Bundle from replica %1</source>
        <translation>Мұрағат көшірмесі %1 жіберген бума</translation>
    </message>
    <message>
        <source>nothing new</source>
        <translation>жаңа ештеңе жоқ</translation>
    </message>
    <message>
        <source>added %1, changed %2, deleted %3, older versions kept %4, already held %5</source>
        <translation>қосылды %1, өзгерді %2, жойылды %3, сақталған бұрынғы нұсқалар %4, бұрыннан бар %5</translation>
    </message>
    <message>
        <source>audit entries imported %1, media added %2</source>
        <translation>импортталған аудит жазбалары %1, қосылған медиафайлдар %2</translation>
    </message>
    <message>
        <source>conflict: %1 %2 (kept %3, other %4)</source>
        <translation>қайшылық: %1 %2 (сақталды %3, басқасы %4)</translation>
    </message>
    <message>
        <source>to be deleted with the deleted records they are attached to: notes %1, events %2 (their text stays in history)</source>
        <translation>тіркелген материалы жойылғандықтан бірге жойылады: жазбалар %1, оқиғалар %2 (мәтіні өзгерістер тарихында қалады)</translation>
    </message>
    <message>
        <source>deleted with the deleted records they were attached to: notes %1, events %2 (their text stays in history)</source>
        <translation>тіркелген материалы жойылғандықтан бірге жойылды: жазбалар %1, оқиғалар %2 (мәтіні өзгерістер тарихында қалады)</translation>
    </message>
</context>
<context>
    <name>TeamDialog</name>
    <message>
        <source>Team members</source>
        <translation>Топ мүшелері</translation>
    </message>
    <message>
        <source>This laptop&apos;s key</source>
        <translation>Осы ноутбуктің кілті</translation>
    </message>
    <message>
        <source>Teammates add this key on their laptops, under Team members, so that their bundles can be opened here.</source>
        <translation>Команда мүшелері бұл кілтті өз ноутбуктерінде «Топ мүшелері» терезесінде қосады, сонда олардың бумалары осында ашылады.</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Көшіру</translation>
    </message>
    <message>
        <source>Open this archive once with its recovery code, so that the code can also open this laptop&apos;s bundles.</source>
        <translation>Бұл мұрағатты қалпына келтіру кодымен бір рет ашыңыз, сонда бұл код осы ноутбуктің бумаларын да ашады.</translation>
    </message>
    <message>
        <source>The team&apos;s other laptops</source>
        <translation>Команданың басқа ноутбуктері</translation>
    </message>
    <message>
        <source>Every backup and sync bundle written on this laptop is encrypted to these laptops, to this laptop itself and to its paper recovery code.</source>
        <translation>Осы ноутбукте жазылған әрбір сақтық көшірме мен синхрондау бумасы осы ноутбуктерге, осы ноутбуктің өзіне және оның қағаздағы қалпына келтіру кодына шифрланады.</translation>
    </message>
    <message>
        <source>Whose laptop</source>
        <translation>Кімнің ноутбугі</translation>
    </message>
    <message>
        <source>Key</source>
        <translation>Кілт</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Алып тастау…</translation>
    </message>
    <message>
        <source>Add a laptop</source>
        <translation>Ноутбук қосу</translation>
    </message>
    <message>
        <source>Its key</source>
        <translation>Оның кілті</translation>
    </message>
    <message>
        <source>age1… (shown in Team members on the other laptop)</source>
        <translation>age1… (басқа ноутбуктегі «Топ мүшелері» терезесінде көрсетілген)</translation>
    </message>
    <message>
        <source>For example: Aigerim&apos;s laptop</source>
        <translation>Мысалы: Айгерімнің ноутбугі</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Мүше қосу</translation>
    </message>
    <message>
        <source>Export identity…</source>
        <translation>Құпия кілтті экспорттау…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation>(атауы жоқ)</translation>
    </message>
    <message>
        <source>(known from a sync)</source>
        <translation>(синхрондаудан белгілі)</translation>
    </message>
    <message>
        <source>No other laptops yet.</source>
        <translation>Әзірге басқа ноутбуктер жоқ.</translation>
    </message>
    <message>
        <source>Key copied. Tumar takes it off the clipboard again in two minutes.</source>
        <translation>Кілт көшірілді. Tumar оны екі минуттан кейін алмасу буферінен өшіреді.</translation>
    </message>
    <message>
        <source>That is not a laptop key. A key starts with age1; copy it from Team members on the other laptop.</source>
        <translation>Бұл ноутбук кілті емес. Кілт age1 деп басталады; оны басқа ноутбуктегі «Топ мүшелері» терезесінен көшіріңіз.</translation>
    </message>
    <message>
        <source>That is this laptop&apos;s own key; it can always open its bundles.</source>
        <translation>Бұл осы ноутбуктің өз кілті; ол өз бумаларын әрқашан аша алады.</translation>
    </message>
    <message>
        <source>That laptop is already in the team.</source>
        <translation>Бұл ноутбук командада бар.</translation>
    </message>
    <message>
        <source>Say whose laptop this is, so that you recognise it later.</source>
        <translation>Кейін танып алу үшін бұл кімнің ноутбугі екенін жазыңыз.</translation>
    </message>
    <message>
        <source>Added. Bundles written from now on are also encrypted to that laptop.</source>
        <translation>Қосылды. Енді жазылатын бумалар сол ноутбукке де шифрланады.</translation>
    </message>
    <message>
        <source>Removed. Bundles written from now on are not encrypted to that laptop, and its bundles are no longer merged here; bundles it already has stay readable to it.</source>
        <translation>Алып тасталды. Енді жазылатын бумалар сол ноутбукке шифрланбайды, ал оның бумалары бұдан былай мұнда біріктірілмейді; оның қолындағы бумалар оған оқылатын күйде қалады.</translation>
    </message>
    <message>
        <source>Save this laptop&apos;s identity</source>
        <translation>Осы ноутбуктің құпия кілтін сақтау</translation>
    </message>
    <message>
        <source>That file already exists; choose a new name.</source>
        <translation>Мұндай файл бар; жаңа атау таңдаңыз.</translation>
    </message>
    <message>
        <source>The file could not be written there: %1</source>
        <translation>Файлды ол жерге жазу мүмкін болмады: %1</translation>
    </message>
    <message>
        <source>Export identity</source>
        <translation>Құпия кілтті экспорттау</translation>
    </message>
    <message>
        <source>Identity written to %1. Keep it apart from this laptop.</source>
        <translation>Құпия кілт %1 файлына жазылды. Оны осы ноутбуктен бөлек сақтаңыз.</translation>
    </message>
</context>
<context>
    <name>TeamPrompts</name>
    <message>
        <source>Remove from the team</source>
        <translation>Командадан алып тастау</translation>
    </message>
    <message>
        <source>Remove %1 from the team?</source>
        <translation>%1 командадан алып тасталсын ба?</translation>
    </message>
    <message>
        <source>Remove the laptop with the key %1 from the team?</source>
        <translation>%1 кілті бар ноутбук командадан алып тасталсын ба?</translation>
    </message>
    <message>
        <source>Backups and sync bundles written on this laptop from now on will not be encrypted to it, and its own bundles will no longer be merged here. Bundles it already has stay readable to it: removing cannot take them back.</source>
        <translation>Осы ноутбукте енді жазылатын сақтық көшірмелер мен синхрондау бумалары оған шифрланбайды, ал оның өз бумалары бұдан былай мұнда біріктірілмейді. Оның қолындағы бумалар оған оқылатын күйде қалады: алып тастау оларды қайтарып ала алмайды.</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Алып тастау</translation>
    </message>
    <message>
        <source>Keep</source>
        <translation>Қалдыру</translation>
    </message>
    <message>
        <source>Export this laptop&apos;s identity</source>
        <translation>Осы ноутбуктің құпия кілтін экспорттау</translation>
    </message>
    <message>
        <source>The file holds this laptop&apos;s secret key: whoever has it can open every bundle this laptop writes.</source>
        <translation>Файлда осы ноутбуктің құпия кілті бар: оны кім ұстаса, сол осы ноутбук жазатын кез келген буманы аша алады.</translation>
    </message>
    <message>
        <source>Keep it apart from this laptop, like the recovery code: printed on paper or on a stick kept offline in a safe place. Never send it by e-mail or messenger, and delete the file once it is stored safely.</source>
        <translation>Оны қалпына келтіру коды сияқты осы ноутбуктен бөлек сақтаңыз: қағазға басып шығарып немесе желіге қосылмайтын флешкада қауіпсіз жерде. Оны ешқашан электрондық поштамен не мессенджермен жібермеңіз, ал қауіпсіз сақталғаннан кейін файлды өшіріңіз.</translation>
    </message>
    <message>
        <source>Choose where to save…</source>
        <translation>Қайда сақтауды таңдау…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
</context>
</TS>
