"""Short original Arabic passages for the test fixtures (written for warraq, in the corpus text format).

Together they hold Western and Arabic-Indic digits, a date, a Hijri year, percentages, a time,
Latin words, a URL and an e-mail, parentheses, «quotes», lam-alef, the word Allah and ، ؛ ؟.
"""

from __future__ import annotations

# 66 words
NOTICE = """---
title: إعلان البلدية
genre: notice
---
# إعلان من البلدية

أعلنت البلدية يوم الأحد 14 سبتمبر/أيلول 2025 أن نسبة الإنجاز في مشروع الحديقة العامة بلغت ٨٥٪ ضمن برنامج Smart City، وأن الافتتاح سيكون في الساعة 10:30 صباحًا. وقال المهندس المسؤول إن الخطة «لا تحتاج إلى تمويل إضافي»؛ فهل تلتزم الشركة بالموعد؟ للاستفسار راسلونا على info@baladiya.example أو زوروا الموقع https://baladiya.example/park (الصفحة الرئيسية)، والحمد لله على ما تحقق بإذن الله.
"""

# 62 words
MEMOIR = """---
title: جدي والكتب
genre: literary
---
## جدّي والكتب

سألتُ جدّي: لماذا تحب القراءة في الصباح الباكر؟ فقال: «لأن الذهن صافٍ، والبيت هادئ، والقهوة ساخنة». ثم أخبرني أنه قرأ ٣٢ كتابًا في عام ١٤٤٦ هـ، وأن 70% منها في التاريخ؛ أما الباقي فروايات (معظمها مترجمة عن English). وختم حديثه: بارك الله في الوقت، فلا شيء أثمن من كتاب جيد يرافقك في القطار بين عمّان ودمشق.
"""

# 47 words with the table
RESULTS = """---
title: نتائج الفصل
genre: report
---
## نتائج الفصل الأول

حصل الطالب على معدل 88.5% في الفصل الأول، ولاحظ المعلم تحسنًا واضحًا في القراءة والكتابة؛ فهل يستمر هذا التقدم حتى نهاية العام؟ الجدول التالي يلخص الدرجات.

| المادة | الدرجة | النسبة |
| الرياضيات | 18 | 90% |
| اللغة العربية | ١٧ | ٨٥٪ |
"""

# 35 words, fully vowelled: shadda stacks, hamza on alef, tanween, lam-alef with marks, Allah
RAIN = """---
title: مطر الصباح
genre: literary
---
## مَطَرُ الصَّبَاحِ

نَزَلَ الْمَطَرُ فِي الصَّبَاحِ الْبَاكِرِ، فَفَرِحَ الْأَطْفَالُ وَخَرَجُوا إِلَى الْحَدِيقَةِ. قَالَتْ أُمُّهُمْ: «لَا تَبْتَلُّوا كَثِيرًا، فَإِنَّ الْهَوَاءَ بَارِدٌ». وَشَكَرَ الْجَدُّ اللَّهَ عَلَى هَذَا الْخَيْرِ، وَقَالَ: إِنَّ الْأَرْضَ الْعَطْشَى تَحْيَا بِالْمَاءِ، وَالْقُلُوبَ تَحْيَا بِالرَّحْمَةِ.
"""

TEXTS = {"notice": NOTICE, "memoir": MEMOIR, "results": RESULTS, "rain": RAIN}
