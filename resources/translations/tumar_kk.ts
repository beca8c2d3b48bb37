<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="kk_KZ">
<context>
    <name>ArchivePlace</name>
    <message>
        <source>Archive &amp;name</source>
        <translation>Мұрағат &amp;атауы</translation>
    </message>
    <message>
        <source>Kept in</source>
        <translation>Сақталатын орны</translation>
    </message>
    <message>
        <source>Change…</source>
        <translation>Өзгерту…</translation>
    </message>
    <message>
        <source>Archive name</source>
        <translation>Мұрағат атауы</translation>
    </message>
    <message>
        <source>Change where the archive is kept</source>
        <translation>Мұрағаттың сақталатын орнын өзгерту</translation>
    </message>
    <message>
        <source>My archive</source>
        <translation>Менің мұрағатым</translation>
    </message>
    <message>
        <source>Where should the archive be kept?</source>
        <translation>Мұрағатты қайда сақтау керек?</translation>
    </message>
</context>
<context>
    <name>ArchiveView</name>
    <message>
        <source>Sections</source>
        <translation>Бөлімдер</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Сақталмаған өзгерістер</translation>
    </message>
    <message>
        <source>This page has changes that are not saved yet.</source>
        <translation>Бұл бетте әлі сақталмаған өзгерістер бар.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Өзгерістерден бас тарту</translation>
    </message>
    <message>
        <source>Stay</source>
        <translation>Қалу</translation>
    </message>
</context>
<context>
    <name>BackupSource</name>
    <message>
        <source>Backup file</source>
        <translation>Сақтық көшірме файлы</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Таңдау…</translation>
    </message>
    <message>
        <source>Choose the backup file</source>
        <translation>Сақтық көшірме файлын таңдаңыз</translation>
    </message>
    <message>
        <source>Backup &amp;passphrase or recovery code</source>
        <translation>Көшірменің құпия &amp;фразасы немесе қалпына келтіру коды</translation>
    </message>
    <message>
        <source>Backup passphrase or recovery code</source>
        <translation>Көшірменің құпия фразасы немесе қалпына келтіру коды</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Құпия фразаны көрсету</translation>
    </message>
    <message>
        <source>Hide passphrase</source>
        <translation>Құпия фразаны жасыру</translation>
    </message>
    <message>
        <source>Caps Lock seems to be on.</source>
        <translation>Caps Lock қосулы сияқты.</translation>
    </message>
    <message>
        <source>Identity file</source>
        <translation>Кілт файлы</translation>
    </message>
    <message>
        <source>Choose the identity file</source>
        <translation>Кілт файлын таңдаңыз</translation>
    </message>
    <message>
        <source>Tumar backups (*.tumar-bundle);;All files (*)</source>
        <translation>Tumar сақтық көшірмелері (*.tumar-bundle);;Барлық файлдар (*)</translation>
    </message>
    <message>
        <source>Use a passphrase or recovery code instead</source>
        <translation>Оның орнына құпия фразаны немесе қалпына келтіру кодын пайдалану</translation>
    </message>
    <message>
        <source>Use an identity file instead</source>
        <translation>Оның орнына кілт файлын пайдалану</translation>
    </message>
    <message>
        <source>No file chosen</source>
        <translation>Файл таңдалмаған</translation>
    </message>
    <message>
        <source>This file holds no identity (a line starting AGE-SECRET-KEY-1). Choose the identity file exported from the old laptop.</source>
        <translation>Бұл файлда кілт жоқ (AGE-SECRET-KEY-1 деп басталатын жол). Ескі ноутбуктан экспортталған кілт файлын таңдаңыз.</translation>
    </message>
</context>
<context>
    <name>CreateScreen</name>
    <message>
        <source>Create an archive</source>
        <translation>Мұрағат жасау</translation>
    </message>
    <message>
        <source>Everything you put in it is encrypted with your passphrase. Choose one you can remember and nobody can guess: several unrelated words work well.</source>
        <translation>Оған салғанның бәрі құпия фразаңызбен шифрланады. Өзіңіз есте сақтай алатын, бірақ басқалар таба алмайтын фраза таңдаңыз: бір-бірімен байланыссыз бірнеше сөз жақсы жарайды.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Артқа</translation>
    </message>
    <message>
        <source>Creating…</source>
        <translation>Жасалуда…</translation>
    </message>
    <message>
        <source>Create archive</source>
        <translation>Мұрағат жасау</translation>
    </message>
    <message>
        <source>Creating the archive</source>
        <translation>Мұрағат жасалуда</translation>
    </message>
</context>
<context>
    <name>FailureText</name>
    <message>
        <source>The disk is full, so this was not saved. Free some space and try again.</source>
        <translation>Диск толы, сондықтан бұл сақталмады. Орын босатып, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The file is too large for this drive (a FAT32 stick holds at most 4 GB in one file), so nothing was written. Use a drive formatted as exFAT or ext4.</source>
        <translation>Файл бұл жинақтағыш үшін тым үлкен (FAT32 флешкасы бір файлда ең көбі 4 ГБ сыйғызады), сондықтан ештеңе жазылмады. exFAT не ext4 файлдық жүйесі бар жинақтағышты пайдаланыңыз.</translation>
    </message>
    <message>
        <source>The disk or folder is read-only, so nothing was written. Choose another place.</source>
        <translation>Диск не қалта тек оқуға арналған, сондықтан ештеңе жазылмады. Басқа орынды таңдаңыз.</translation>
    </message>
    <message>
        <source>Tumar is not allowed to write there, so nothing was written. Choose another place.</source>
        <translation>Tumar-ға ол жерге жазуға рұқсат жоқ, сондықтан ештеңе жазылмады. Басқа орынды таңдаңыз.</translation>
    </message>
    <message>
        <source>A drive stopped answering (pulled out, or failing). Plug it in again, or use another drive, and try again.</source>
        <translation>Жинақтағыш жауап беруді тоқтатты (суырылды немесе ақаулы). Оны қайта қосыңыз немесе басқасын пайдаланып, қайталап көріңіз.</translation>
    </message>
    <message>
        <source>The archive is damaged. Run Verify to see what can still be read, then restore it from a backup.</source>
        <translation>Мұрағат зақымдалған. Әлі не оқылатынын көру үшін «Тексеру» іске қосыңыз, содан кейін оны сақтық көшірмеден қалпына келтіріңіз.</translation>
    </message>
    <message>
        <source>The archive is busy with another task. Try again when it has finished.</source>
        <translation>Мұрағат басқа тапсырмамен бос емес. Ол аяқталғанда қайталап көріңіз.</translation>
    </message>
    <message>
        <source>This stopped because of an unexpected error ({name}).</source>
        <translation>Әрекет күтпеген қатеге байланысты тоқтады ({name}).</translation>
    </message>
</context>
<context>
    <name>JobRunner</name>
    <message>
        <source>Cancelled. Nothing from the unfinished step was kept.</source>
        <translation>Тоқтатылды. Аяқталмаған қадамнан ештеңе сақталған жоқ.</translation>
    </message>
    <message>
        <source>The task stopped because of an unexpected error ({name}).</source>
        <translation>Тапсырма күтпеген қатеге байланысты тоқтады ({name}).</translation>
    </message>
</context>
<context>
    <name>JobStatus</name>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Cancel the running task</source>
        <translation>Орындалып жатқан тапсырманы тоқтату</translation>
    </message>
    <message>
        <source>Progress of the running task</source>
        <translation>Тапсырманың орындалу барысы</translation>
    </message>
    <message>
        <source>{title}: {done} of {total}</source>
        <translation>{title}: {total} ішінен {done}</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
</context>
<context>
    <name>NewPassphrase</name>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Құпия фраза</translation>
    </message>
    <message>
        <source>&amp;Repeat the passphrase</source>
        <translation>Құпия фразаны &amp;қайталаңыз</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Құпия фразаны көрсету</translation>
    </message>
    <message>
        <source>Hide passphrase</source>
        <translation>Құпия фразаны жасыру</translation>
    </message>
    <message>
        <source>Passphrase strength</source>
        <translation>Құпия фразаның беріктігі</translation>
    </message>
    <message>
        <source>The two passphrases are not the same.</source>
        <translation>Екі құпия фраза сәйкес келмейді.</translation>
    </message>
</context>
<context>
    <name>PlaceholderPage</name>
    <message>
        <source>This section is not available in this version yet.</source>
        <translation>Бұл бөлім осы нұсқада әлі қолжетімсіз.</translation>
    </message>
</context>
<context>
    <name>RecoveryScreen</name>
    <message>
        <source>Write down your recovery code</source>
        <translation>Қалпына келтіру кодын жазып алыңыз</translation>
    </message>
    <message>
        <source>If you forget the passphrase, this code is the only other way into the archive. Tumar keeps no copy of it and will not show it again.</source>
        <translation>Құпия фразаны ұмытып қалсаңыз, мұрағатты ашудың басқа жалғыз жолы — осы код. Tumar оның көшірмесін сақтамайды және оны қайта көрсетпейді.</translation>
    </message>
    <message>
        <source>Anyone with this code can open the archive. Keep the paper hidden.</source>
        <translation>Бұл коды бар кез келген адам мұрағатты аша алады. Қағазды жасырын жерде сақтаңыз.</translation>
    </message>
    <message>
        <source>I have written it down and keep it apart from this laptop</source>
        <translation>Мен кодты жазып алдым және оны осы ноутбуктен бөлек сақтаймын</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Басып шығару…</translation>
    </message>
    <message>
        <source>Continue</source>
        <translation>Жалғастыру</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>Қалпына келтіру коды</translation>
    </message>
    <message>
        <source>Tumar recovery code

{code}

{warning}</source>
        <translation>Tumar қалпына келтіру коды

{code}

{warning}</translation>
    </message>
</context>
<context>
    <name>RestoreScreen</name>
    <message>
        <source>Restore from a backup</source>
        <translation>Сақтық көшірмеден қалпына келтіру</translation>
    </message>
    <message>
        <source>Makes a new archive on this laptop from a backup file, with its own passphrase and recovery code. The backup itself is not changed.</source>
        <translation>Осы ноутбукта сақтық көшірме файлынан өз құпия фразасы мен қалпына келтіру коды бар жаңа мұрағат жасайды. Сақтық көшірменің өзі өзгермейді.</translation>
    </message>
    <message>
        <source>The new archive</source>
        <translation>Жаңа мұрағат</translation>
    </message>
    <message>
        <source>&amp;New passphrase</source>
        <translation>&amp;Жаңа құпия фраза</translation>
    </message>
    <message>
        <source>Re&amp;peat the new passphrase</source>
        <translation>Жаңа құпия фразаны &amp;қайталаңыз</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Артқа</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
    <message>
        <source>Restored archive</source>
        <translation>Қалпына келтірілген мұрағат</translation>
    </message>
    <message>
        <source>This folder already exists and is not empty. A backup is restored only into a new folder: choose another name or place.</source>
        <translation>Бұл қалта бұрыннан бар және бос емес. Сақтық көшірме тек жаңа қалтаға қалпына келтіріледі: басқа атау немесе орын таңдаңыз.</translation>
    </message>
    <message>
        <source>Restoring…</source>
        <translation>Қалпына келтірілуде…</translation>
    </message>
    <message>
        <source>Restore</source>
        <translation>Қалпына келтіру</translation>
    </message>
    <message>
        <source>Checking the backup…</source>
        <translation>Сақтық көшірме тексерілуде…</translation>
    </message>
    <message>
        <source>Restoring from a backup</source>
        <translation>Сақтық көшірмеден қалпына келтіру</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>Тоқтатылуда…</translation>
    </message>
    <message>
        <source>Restoring the records and media…</source>
        <translation>Жазбалар мен медиафайлдар қалпына келтірілуде…</translation>
    </message>
    <message>
        <source>This identity file does not open this backup.</source>
        <translation>Бұл кілт файлы осы сақтық көшірмені ашпайды.</translation>
    </message>
    <message>
        <source>This passphrase or recovery code does not open this backup.</source>
        <translation>Бұл құпия фраза немесе қалпына келтіру коды осы сақтық көшірмені ашпайды.</translation>
    </message>
    <message>
        <source>This is a sync file, not a backup. Choose a backup file (its name starts with tumar-backup).</source>
        <translation>Бұл синхрондау файлы, сақтық көшірме емес. Сақтық көшірме файлын таңдаңыз (оның атауы tumar-backup деп басталады).</translation>
    </message>
    <message>
        <source>This backup is damaged or incomplete, or from another or newer Tumar. Copy it again from where it came from.</source>
        <translation>Сақтық көшірме зақымдалған немесе толық емес, не Tumar-дың басқа немесе жаңарақ нұсқасынан. Оны алынған жерінен қайта көшіріңіз.</translation>
    </message>
    <message>
        <source>The disk is full, so nothing was restored. Free some space and try again.</source>
        <translation>Диск толы, сондықтан ештеңе қалпына келтірілмеді. Орын босатып, қайта көріңіз.</translation>
    </message>
</context>
<context>
    <name>Sections</name>
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
    <name>SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Баптаулар</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>&amp;Тіл</translation>
    </message>
    <message>
        <source>&amp;Lock after</source>
        <translation>&amp;Құлыптау уақыты</translation>
    </message>
    <message>
        <source> min idle</source>
        <translation> мин әрекетсіздіктен кейін</translation>
    </message>
    <message>
        <source>Remember recently opened archives on this computer</source>
        <translation>Осы компьютерде жақында ашылған мұрағаттарды есте сақтау</translation>
    </message>
    <message>
        <source>Off by default: the list shows anyone using this computer where your archives are. Turning it off forgets the list.</source>
        <translation>Әдепкіде өшірулі: бұл тізім компьютерді пайдаланатын кез келген адамға мұрағаттарыңыздың қайда екенін көрсетеді. Өшірген кезде тізім жойылады.</translation>
    </message>
    <message>
        <source>Settings are stored unencrypted, so they never hold names, case titles, search text or passphrases.</source>
        <translation>Баптаулар шифрланбай сақталады, сондықтан оларда ешқашан есімдер, іс атаулары, іздеу мәтіні немесе құпия фразалар болмайды.</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Сақтау</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Бас тарту</translation>
    </message>
</context>
<context>
    <name>StartFlow</name>
    <message>
        <source>Preparing the demo archive…</source>
        <translation>Демо мұрағат дайындалуда…</translation>
    </message>
    <message>
        <source>Preparing the demo archive</source>
        <translation>Демо мұрағатты дайындау</translation>
    </message>
</context>
<context>
    <name>StartScreen</name>
    <message>
        <source>An encrypted archive for testimonies, photos and case notes. It works offline; nothing leaves this computer unless you export it.</source>
        <translation>Айғақтарға, фотосуреттерге және іс жазбаларына арналған шифрланған мұрағат. Интернетсіз жұмыс істейді; өзіңіз экспорттамайынша ештеңе осы компьютерден шықпайды.</translation>
    </message>
    <message>
        <source>Open an archive…</source>
        <translation>Мұрағатты ашу…</translation>
    </message>
    <message>
        <source>Create a new archive…</source>
        <translation>Жаңа мұрағат жасау…</translation>
    </message>
    <message>
        <source>Try the demo archive</source>
        <translation>Демо мұрағатты қолданып көру</translation>
    </message>
    <message>
        <source>Unlock an archive folder on this computer</source>
        <translation>Осы компьютердегі мұрағат қалтасының құлпын ашу</translation>
    </message>
    <message>
        <source>Public example data to explore safely</source>
        <translation>Қауіпсіз танысуға арналған ашық үлгі деректер</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Сақтық көшірмеден қалпына келтіру…</translation>
    </message>
    <message>
        <source>A new laptop joins, or a lost one is replaced: a backup becomes a new archive</source>
        <translation>Жаңа ноутбук қосылады немесе жоғалғанының орнын басады: сақтық көшірме жаңа мұрағатқа айналады</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>Тіл</translation>
    </message>
    <message>
        <source>Recently opened</source>
        <translation>Жақында ашылғандар</translation>
    </message>
    <message>
        <source>Lost the passphrase? Open the archive with your recovery code.</source>
        <translation>Құпия фразаны ұмыттыңыз ба? Мұрағатты қалпына келтіру кодымен ашыңыз.</translation>
    </message>
    <message>
        <source>Choose the archive folder</source>
        <translation>Мұрағат қалтасын таңдаңыз</translation>
    </message>
</context>
<context>
    <name>Strength</name>
    <message>
        <source>Use a few words, avoid common phrases.</source>
        <translation>Бірнеше сөз қолданыңыз, жиі кездесетін тіркестерден аулақ болыңыз.</translation>
    </message>
    <message>
        <source>No need for symbols, digits, or uppercase letters.</source>
        <translation>Таңбалар, сандар немесе бас әріптер міндетті емес.</translation>
    </message>
    <message>
        <source>Add another word or two. Uncommon words are better.</source>
        <translation>Тағы бір-екі сөз қосыңыз. Сирек сөздер жақсырақ.</translation>
    </message>
    <message>
        <source>Straight rows of keys are easy to guess.</source>
        <translation>Қатар тұрған пернелерді табу оңай.</translation>
    </message>
    <message>
        <source>Short keyboard patterns are easy to guess.</source>
        <translation>Пернетақтадағы қысқа өрнектерді табу оңай.</translation>
    </message>
    <message>
        <source>Use a longer keyboard pattern with more turns.</source>
        <translation>Бұрылыстары көбірек ұзынырақ өрнек қолданыңыз.</translation>
    </message>
    <message>
        <source>Repeats like &quot;aaa&quot; are easy to guess.</source>
        <translation>«aaa» сияқты қайталауларды табу оңай.</translation>
    </message>
    <message>
        <source>Repeats like &quot;abcabcabc&quot; are only slightly harder to guess than &quot;abc&quot;.</source>
        <translation>«abcabcabc» сияқты қайталауларды табу «abc»-ге қарағанда сәл ғана қиынырақ.</translation>
    </message>
    <message>
        <source>Avoid repeated words and characters.</source>
        <translation>Қайталанатын сөздер мен таңбалардан аулақ болыңыз.</translation>
    </message>
    <message>
        <source>Sequences like &quot;abc&quot; or &quot;6543&quot; are easy to guess.</source>
        <translation>«abc» немесе «6543» сияқты тізбектерді табу оңай.</translation>
    </message>
    <message>
        <source>Avoid sequences.</source>
        <translation>Тізбектерден аулақ болыңыз.</translation>
    </message>
    <message>
        <source>Recent years are easy to guess.</source>
        <translation>Соңғы жылдарды табу оңай.</translation>
    </message>
    <message>
        <source>Avoid recent years.</source>
        <translation>Соңғы жылдардан аулақ болыңыз.</translation>
    </message>
    <message>
        <source>Avoid years that are associated with you.</source>
        <translation>Өзіңізге қатысты жылдардан аулақ болыңыз.</translation>
    </message>
    <message>
        <source>Dates are often easy to guess.</source>
        <translation>Күндерді көбінесе оңай табуға болады.</translation>
    </message>
    <message>
        <source>Avoid dates and years that are associated with you.</source>
        <translation>Өзіңізге қатысты күндер мен жылдардан аулақ болыңыз.</translation>
    </message>
    <message>
        <source>This is a top-10 common password.</source>
        <translation>Бұл ең жиі қолданылатын 10 құпиясөздің бірі.</translation>
    </message>
    <message>
        <source>This is a top-100 common password.</source>
        <translation>Бұл ең жиі қолданылатын 100 құпиясөздің бірі.</translation>
    </message>
    <message>
        <source>This is a very common password.</source>
        <translation>Бұл өте жиі қолданылатын құпиясөз.</translation>
    </message>
    <message>
        <source>This is similar to a commonly used password.</source>
        <translation>Бұл жиі қолданылатын құпиясөзге ұқсайды.</translation>
    </message>
    <message>
        <source>A word by itself is easy to guess.</source>
        <translation>Жалғыз сөзді табу оңай.</translation>
    </message>
    <message>
        <source>Names and surnames by themselves are easy to guess.</source>
        <translation>Есімдер мен тектерді жеке тұрғанда табу оңай.</translation>
    </message>
    <message>
        <source>Common names and surnames are easy to guess.</source>
        <translation>Жиі кездесетін есімдер мен тектерді табу оңай.</translation>
    </message>
    <message>
        <source>Capitalization doesn&apos;t help very much.</source>
        <translation>Бас әріптер көп көмектеспейді.</translation>
    </message>
    <message>
        <source>All-uppercase is almost as easy to guess as all-lowercase.</source>
        <translation>Тек бас әріппен жазылғанды табу тек кіші әріппен жазылғанды табу сияқты оңай.</translation>
    </message>
    <message>
        <source>Reversed words aren&apos;t much harder to guess.</source>
        <translation>Кері жазылған сөздерді табу онша қиын емес.</translation>
    </message>
    <message>
        <source>Predictable substitutions like &apos;@&apos; instead of &apos;a&apos; don&apos;t help very much.</source>
        <translation>«a» орнына «@» сияқты болжамды ауыстырулар көп көмектеспейді.</translation>
    </message>
    <message>
        <source>Very weak</source>
        <translation>Өте әлсіз</translation>
    </message>
    <message>
        <source>Weak</source>
        <translation>Әлсіз</translation>
    </message>
    <message>
        <source>Fair</source>
        <translation>Орташа</translation>
    </message>
    <message>
        <source>Strong</source>
        <translation>Берік</translation>
    </message>
    <message>
        <source>Very strong</source>
        <translation>Өте берік</translation>
    </message>
    <message numerus="yes">
        <source>Use at least %n characters.</source>
        <translation>
            <numerusform>Кемінде %n таңба қолданыңыз.</numerusform>
            <numerusform>Кемінде %n таңба қолданыңыз.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TumarWindow</name>
    <message>
        <source>Signed dossier…</source>
        <translation>Қол қойылған досье…</translation>
    </message>
    <message>
        <source>Backup…</source>
        <translation>Сақтық көшірме…</translation>
    </message>
    <message>
        <source>Restore from a backup…</source>
        <translation>Сақтық көшірмеден қалпына келтіру…</translation>
    </message>
    <message>
        <source>Sync…</source>
        <translation>Синхрондау…</translation>
    </message>
    <message>
        <source>Team members…</source>
        <translation>Топ мүшелері…</translation>
    </message>
    <message>
        <source>Conflicts…</source>
        <translation>Қайшылықтар…</translation>
    </message>
    <message>
        <source>Lock</source>
        <translation>Құлыптау</translation>
    </message>
    <message>
        <source>Lock the archive (Ctrl+L)</source>
        <translation>Мұрағатты құлыптау (Ctrl+L)</translation>
    </message>
    <message>
        <source>Panic</source>
        <translation>Шұғыл құлыптау</translation>
    </message>
    <message>
        <source>Lock at once and hide the window ({keys})</source>
        <translation>Бірден құлыптап, терезені жасыру ({keys})</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Қосу</translation>
    </message>
    <message>
        <source>Add a record (Ctrl+N)</source>
        <translation>Жаңасын қосу (Ctrl+N)</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>Тексеру</translation>
    </message>
    <message>
        <source>Check that nothing in the archive was altered</source>
        <translation>Мұрағатта ештеңе өзгертілмегенін тексеру</translation>
    </message>
    <message>
        <source>Settings…</source>
        <translation>Баптаулар…</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Шығу</translation>
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
        <source>Event</source>
        <translation>Оқиға</translation>
    </message>
    <message>
        <source>Testimony</source>
        <translation>Айғақ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Жазба</translation>
    </message>
    <message>
        <source>Photos and files…</source>
        <translation>Фото және файлдар…</translation>
    </message>
    <message>
        <source>Search names, testimonies, notes…  Ctrl+F</source>
        <translation>Есімдер, айғақтар, жазбалар бойынша іздеу…  Ctrl+F</translation>
    </message>
    <message>
        <source>Search the archive</source>
        <translation>Мұрағаттан іздеу</translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation>&amp;Мұрағат</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Анықтама</translation>
    </message>
    <message>
        <source>About Tumar</source>
        <translation>Tumar туралы</translation>
    </message>
    <message>
        <source>Toolbar</source>
        <translation>Құралдар тақтасы</translation>
    </message>
    <message numerus="yes">
        <source>Unlocked · locks after %n min idle</source>
        <translation>
            <numerusform>Құлпы ашық · %n мин әрекетсіздіктен кейін құлыпталады</numerusform>
            <numerusform>Құлпы ашық · %n мин әрекетсіздіктен кейін құлыпталады</numerusform>
        </translation>
    </message>
    <message>
        <source>Tumar keeps testimonies, photos and case notes in an encrypted archive on this computer. It works offline and sends nothing anywhere.</source>
        <translation>Tumar айғақтарды, фотосуреттерді және іс жазбаларын осы компьютердегі шифрланған мұрағатта сақтайды. Ол интернетсіз жұмыс істейді және ешқайда ештеңе жібермейді.</translation>
    </message>
</context>
<context>
    <name>UnlockScreen</name>
    <message>
        <source>Caps Lock seems to be on.</source>
        <translation>Caps Lock қосулы сияқты.</translation>
    </message>
    <message>
        <source>Show passphrase</source>
        <translation>Құпия фразаны көрсету</translation>
    </message>
    <message>
        <source>Hide passphrase</source>
        <translation>Құпия фразаны жасыру</translation>
    </message>
    <message>
        <source>Open another archive</source>
        <translation>Басқа мұрағатты ашу</translation>
    </message>
    <message>
        <source>This is the demo archive. Its passphrase is: {passphrase}</source>
        <translation>Бұл — демо мұрағат. Оның құпия фразасы: {passphrase}</translation>
    </message>
    <message>
        <source>Type the recovery code from your paper copy.</source>
        <translation>Қағаздағы қалпына келтіру кодын енгізіңіз.</translation>
    </message>
    <message>
        <source>&amp;Recovery code</source>
        <translation>Қалпына келтіру &amp;коды</translation>
    </message>
    <message>
        <source>Use the passphrase instead</source>
        <translation>Құпия фразаны енгізу</translation>
    </message>
    <message>
        <source>This archive is locked.</source>
        <translation>Бұл мұрағат құлыптаулы.</translation>
    </message>
    <message>
        <source>&amp;Passphrase</source>
        <translation>&amp;Құпия фраза</translation>
    </message>
    <message>
        <source>Use the recovery code instead</source>
        <translation>Қалпына келтіру кодын енгізу</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>Құлпы ашылуда…</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Құлпын ашу</translation>
    </message>
    <message>
        <source>Type the passphrase first.</source>
        <translation>Алдымен құпия фразаны енгізіңіз.</translation>
    </message>
    <message>
        <source>Unlocking</source>
        <translation>Құлпын ашу</translation>
    </message>
    <message>
        <source>This recovery code does not open this archive.</source>
        <translation>Бұл қалпына келтіру коды бұл мұрағатты ашпайды.</translation>
    </message>
    <message>
        <source>This passphrase does not open this archive.</source>
        <translation>Бұл құпия фраза бұл мұрағатты ашпайды.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify the archive</source>
        <translation>Мұрағатты тексеру</translation>
    </message>
    <message>
        <source>Check that nothing was altered</source>
        <translation>Ештеңе өзгертілмегеніне көз жеткізіңіз</translation>
    </message>
    <message>
        <source>Tumar recomputes the fingerprint of every record and of every change in the audit log, and checks the databases and media files for damage. Nothing in the archive is changed.</source>
        <translation>Tumar әрбір мәліметтің және аудит журналындағы әрбір өзгерістің цифрлық ізін қайта есептеп, дерекқорлар мен медиафайлдардың бүтіндігін тексереді. Мұрағаттың өзі өзгермейді.</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Қайта тексеру</translation>
    </message>
    <message>
        <source>Start check</source>
        <translation>Тексеруді бастау</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Жабу</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>Табылған ақаулар</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>Тексерілуде…</translation>
    </message>
    <message>
        <source>This can take a while for a large archive.</source>
        <translation>Үлкен мұрағат үшін бұл біраз уақыт алуы мүмкін.</translation>
    </message>
    <message>
        <source>Verifying the archive</source>
        <translation>Мұрағат тексерілуде</translation>
    </message>
    <message>
        <source>{entries} changes in the audit log and {records} records were checked.</source>
        <translation>Аудит журналындағы {entries} өзгеріс және {records} мәлімет тексерілді.</translation>
    </message>
    <message>
        <source>Everything checks out</source>
        <translation>Бәрі дұрыс</translation>
    </message>
    <message>
        <source>Nothing was altered behind Tumar&apos;s back. {counts}</source>
        <translation>Tumar-ды айналып өтіп ештеңе өзгертілмеген. {counts}</translation>
    </message>
    <message>
        <source>Problems were found</source>
        <translation>Ақаулар табылды</translation>
    </message>
    <message>
        <source>Some of the archive does not match its own records. Keep this laptop&apos;s copy as it is and compare it with a backup. {counts}</source>
        <translation>Мұрағаттың бір бөлігі өз деректерімен сәйкес келмейді. Осы ноутбуктегі көшірмені сол күйінде қалдырып, оны сақтық көшірмемен салыстырыңыз. {counts}</translation>
    </message>
    <message>
        <source>Fingerprint of the latest change (compare it with a dossier&apos;s):</source>
        <translation>Соңғы өзгерістің цифрлық ізі (досьедегімен салыстырыңыз):</translation>
    </message>
    <message>
        <source>The check could not finish</source>
        <translation>Тексеруді аяқтау мүмкін болмады</translation>
    </message>
</context>
</TS>
