"""Plausible names of people and companies of many cultures, generated from name-part tables.

The tables are written for this benchmark (frequent given names and family names of each
naming custom, spelt the usual English way; generic words of company names): no list entry was
looked at. ``generate(n, seed)`` draws names by the custom's own layout (Korean and Chinese
family name first, Russian given name + patronymic + family name, Arabic given name + father's
name + family name, Spanish two family names...), so the set has the shapes a screener meets:
common people who are not on any list. Screened against the lists, whatever matches them at the
threshold is a false match (``screening_pairs.py``, ``screening_protocols.py``).
"""

from __future__ import annotations

import random

# custom -> (given names, family names, layout); layout words: G given, F family, P patronymic.
CUSTOMS: dict[str, tuple[list[str], list[str], list[str]]] = {
    "english": ("James John Robert Michael William David Mary Patricia Jennifer Linda Susan Karen Thomas "
                "Daniel Sarah Emily Jessica Matthew Andrew Laura".split(),
                "Smith Johnson Williams Brown Jones Miller Davis Wilson Anderson Taylor Moore Jackson Martin "
                "Thompson White Harris Clark Lewis Walker Hall".split(),
                ["G F", "G G F"]),
    "spanish": ("Jose Juan Carlos Luis Miguel Javier Maria Carmen Ana Lucia Elena Pedro Diego Sofia Pablo "
                "Alejandro Isabel Raquel Andres Fernando".split(),
                "Garcia Rodriguez Martinez Lopez Sanchez Perez Gomez Diaz Torres Ramirez Flores Ruiz "
                "Alvarez Moreno Romero Navarro Castillo Ortega Vargas Herrera".split(),
                ["G F F", "G F"]),
    "german": ("Hans Peter Klaus Wolfgang Jurgen Stefan Andreas Monika Ursula Petra Sabine Karin "
               "Thomas Michael Frank Uwe Heike Birgit Dieter Gunter".split(),
               "Muller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Koch Richter "
               "Wolf Schroder Neumann Schwarz Zimmermann Braun Kruger Hartmann".split(),
               ["G F"]),
    "french": ("Jean Pierre Michel Philippe Alain Nicolas Christophe Marie Nathalie Isabelle Sylvie "
               "Catherine Francois Laurent Julien Camille Manon Chloe Antoine Louis".split(),
               "Martin Bernard Dubois Thomas Robert Richard Petit Durand Leroy Moreau Simon Laurent "
               "Lefebvre Michel Garcia David Bertrand Roux Vincent Fournier".split(),
               ["G F"]),
    "russian": ("Aleksandr Sergei Dmitri Andrei Alexei Ivan Mikhail Nikolai Vladimir Yuri Olga Tatiana "
                "Elena Natalia Irina Svetlana Anna Maria Pavel Viktor".split(),
                "Ivanov Smirnov Kuznetsov Popov Vasiliev Petrov Sokolov Mikhailov Novikov Fedorov "
                "Morozov Volkov Alekseev Lebedev Semenov Egorov Pavlov Kozlov Stepanov Nikolaev".split(),
                ["G P F", "G F"]),
    "arabic": ("Mohammed Ahmed Ali Omar Khaled Hassan Hussein Youssef Ibrahim Abdullah Mahmoud Mustafa "
               "Fatima Aisha Mariam Khadija Layla Nour Salma Hamza".split(),
               "Haddad Khalil Nasser Saleh Mansour Saeed Hamdan Darwish Najjar Khoury Aziz Karim Qasim "
               "Rashid Sultan Yousef Bakr Farouk Hamid Jaber".split(),
               ["G G F", "G F"]),
    "persian": ("Ali Reza Mohammad Hossein Mehdi Amir Hamid Saeed Majid Farhad Maryam Zahra Fatemeh "
                "Sara Narges Parisa Leila Babak Kaveh Arash".split(),
                "Mohammadi Hosseini Ahmadi Rezaei Moradi Karimi Jafari Rahimi Hashemi Ghasemi Sadeghi "
                "Kazemi Ebrahimi Bagheri Heidari Akbari Yousefi Najafi Salehi Amini".split(),
                ["G F", "G G F"]),
    "turkish": ("Mehmet Mustafa Ahmet Ali Huseyin Hasan Ibrahim Murat Emre Burak Ayse Fatma Emine Zeynep "
                "Elif Merve Ozlem Kemal Serkan Yusuf".split(),
                "Yilmaz Kaya Demir Sahin Celik Yildiz Yildirim Ozturk Aydin Ozdemir Arslan Dogan Kilic "
                "Aslan Cetin Kara Koc Kurt Ozkan Simsek".split(),
                ["G F"]),
    "korean": ("Min Jun Seo Yeon Ji Hoon Hyun Woo Soo Young Eun Ji Dong Hyun Jae Won Sung Ho Hye Jin".split(),
               "Kim Lee Park Choi Jung Kang Cho Yoon Jang Lim Han Oh Seo Shin Kwon Hwang Ahn Song Yoo Hong"
               .split(),
               ["F G G", "F G"]),
    "chinese": ("Wei Fang Na Min Jing Li Qiang Lei Jun Yang Yong Yan Jie Tao Ming Chao Xiu Hui Ping Gang"
                .split(),
                "Wang Li Zhang Liu Chen Yang Huang Zhao Wu Zhou Xu Sun Ma Zhu Hu Guo He Gao Lin Luo".split(),
                ["F G", "F G G"]),
    "indian": ("Rahul Amit Vijay Sanjay Rajesh Suresh Anil Priya Pooja Neha Anjali Kavita Sunita Arjun "
               "Vikram Deepak Manoj Ravi Lakshmi Meera".split(),
               "Sharma Verma Gupta Singh Kumar Patel Reddy Rao Nair Iyer Mehta Joshi Desai Shah Chopra "
               "Malhotra Kapoor Bhatia Agarwal Mishra".split(),
               ["G F"]),
    "japanese": ("Hiroshi Takashi Kenji Yuki Haruto Sota Yuto Akira Satoshi Naoki Yui Aoi Sakura Yuna "
                 "Hina Misaki Keiko Yoko Tomoko Kazuo".split(),
                 "Sato Suzuki Takahashi Tanaka Watanabe Ito Yamamoto Nakamura Kobayashi Kato Yoshida "
                 "Yamada Sasaki Yamaguchi Matsumoto Inoue Kimura Hayashi Shimizu Mori".split(),
                 ["F G", "G F"]),
}

# Company names: a family name or place-like word, a trade and a legal form.
TRADES = ("Trading Logistics Shipping Construction Textiles Foods Electronics Consulting Holdings Motors "
          "Pharma Energy Software Imports Agro Marine Steel Paper Plastics Tours").split()
FORMS = ["Ltd", "LLC", "GmbH", "S.A.", "Inc", "Co", "BV", "JSC", ""]


def person(rng: random.Random, custom: str) -> str:
    given, family, layouts = CUSTOMS[custom]
    words = []
    for slot in rng.choice(layouts).split():
        if slot == "G":
            words.append(rng.choice(given))
        elif slot == "F":
            words.append(rng.choice(family))
        else:  # a Russian patronymic from a given name of the same custom
            father = rng.choice(given).rstrip("aiy")
            words.append(father + ("ovich" if rng.random() < 0.5 else "ovna"))
    return " ".join(words)


def company(rng: random.Random) -> str:
    custom = rng.choice(sorted(CUSTOMS))
    base = rng.choice(CUSTOMS[custom][1])
    words = [base, *rng.sample(TRADES, rng.choice((1, 1, 2))), rng.choice(FORMS)]
    return " ".join(w for w in words if w)


def generate(n: int, seed: int = 20) -> list[tuple[str, str]]:
    """``n`` distinct (name, schema) pairs: four people for every company, customs in turn."""
    rng = random.Random(seed)
    customs = sorted(CUSTOMS)
    out: dict[str, str] = {}
    k = 0
    while len(out) < n:
        name = company(rng) if k % 5 == 4 else person(rng, customs[k % len(customs)])
        out.setdefault(name, "Organization" if k % 5 == 4 else "Person")
        k += 1
    return list(out.items())


__all__ = ["CUSTOMS", "generate"]
