"""Personal names by language area, for the generator. Common given names and surnames only."""

from __future__ import annotations

_EN_FIRST = """James Mary Robert Patricia John Jennifer Michael Linda David Elizabeth William Barbara
Richard Susan Joseph Jessica Thomas Sarah Christopher Karen Charles Lisa Daniel Nancy Matthew Betty
Anthony Sandra Mark Margaret Donald Ashley Steven Kimberly Andrew Emily Paul Donna Joshua Michelle
Kenneth Carol Kevin Amanda Brian Melissa George Deborah Timothy Stephanie Ronald Rebecca Jason Sharon
Edward Laura Jeffrey Cynthia Ryan Dorothy Jacob Amy Gary Kathleen Nicholas Angela Eric Shirley Jonathan
Emma Stephen Brenda Larry Pamela Justin Nicole Scott Anna Brandon Samantha Benjamin Katherine Samuel
Christine Gregory Debra Alexander Rachel Patrick Carolyn Frank Janet Raymond Maria Jack Olivia Dennis
Heather Jerry Helen Tyler Catherine Aaron Diane Jose Julie Adam Victoria Nathan Joyce Henry Lauren
Zachary Kelly Douglas Christina Peter Ruth Kyle Joan Noah Virginia Ethan Judith Jeremy Evelyn Christian
Hannah Walter Andrea Keith Megan Austin Cheryl Roger Jacqueline Terry Madison Sean Teresa Gerald Abigail
Carl Sophia Dylan Martha Harold Sara Jordan Gloria Jesse Janice Bryan Kathryn Lawrence Ann Arthur Isabella
Gabriel Judy Bruce Charlotte Logan Julia Billy Grace Joe Amber Alan Alice Juan Jean Elijah Denise Willie
Frances Albert Danielle Wayne Marilyn Randy Natalie Mason Beverly Vincent Diana Liam Brittany Roy Theresa
Bobby Kayla Caleb Alexis Bradley Doris Russell Lori Lucas Tiffany Priya Raj Wei Mei Carlos Sofia Omar
Aisha Diego Lucia Hiroshi Yuki Arjun Ananya Mateo Valentina Chen Fatima Ahmed Leila Kwame Amara"""
_EN_LAST = """Smith Johnson Williams Brown Jones Garcia Miller Davis Rodriguez Martinez Hernandez Lopez
Gonzalez Wilson Anderson Thomas Taylor Moore Jackson Martin Lee Perez Thompson White Harris Sanchez
Clark Ramirez Lewis Robinson Walker Young Allen King Wright Scott Torres Nguyen Hill Flores Green Adams
Nelson Baker Hall Rivera Campbell Mitchell Carter Roberts Gomez Phillips Evans Turner Diaz Parker Cruz
Edwards Collins Reyes Stewart Morris Morales Murphy Cook Rogers Gutierrez Ortiz Morgan Cooper Peterson
Bailey Reed Kelly Howard Ramos Kim Cox Ward Richardson Watson Brooks Chavez Wood James Bennett Gray
Mendoza Ruiz Hughes Price Alvarez Castillo Sanders Patel Myers Long Ross Foster Jimenez Powell Jenkins
Perry Russell Sullivan Bell Coleman Butler Henderson Barnes Gonzales Fisher Vasquez Simmons Romero
Jordan Patterson Alexander Hamilton Graham Reynolds Griffin Wallace Moreno West Cole Hayes Bryant
Herrera Gibson Ellis Tran Medina Aguilar Stevens Murray Ford Castro Marshall Owens Harrison Fernandez
McDonald Woods Washington Kennedy Wells Vargas Henry Chen Freeman Webb Tucker Guzman Burns Crawford
Olson Simpson Porter Hunter Gordon Mendez Silva Shaw Snyder Mason Dixon Munoz Hunt Hicks Holmes Palmer
Wagner Black Robertson Boyd Rose Stone Salazar Fox Warren Mills Meyer Rice Schmidt Garza Daniels Ferguson
Nichols Stephens Soto Weaver Ryan Gardner Payne Grant Dunn Kelley Spencer Hawkins Arnold Pierce Hansen
Peters Santos Hart Bradley Knight Elliott Cunningham Duncan Armstrong Hudson Carroll Lane Riley Andrews
Ray Berry Perkins Hoffman Johnston Matthews Pena Richards Willis Carpenter Lawrence Sandoval Shah Singh
Wong Kaur Cohen Levy O'Brien O'Connor Byrne Walsh Hartley Moss Whitfield Ashworth Pemberton Caldwell"""
_UK_LAST_EXTRA = """Taylor Davies Evans Thomas Roberts Walker Wright Thompson Hughes Edwards Green Hall
Wood Harris Lewis Clarke Jackson Turner Hill Cooper Ward Morris Moore Clark Watson Baker Harrison Morgan
Patel Young Allen Mitchell James Anderson Phillips Lee Bell Parker Davis Murphy Kelly Khan Ali Begum
Fletcher Holloway Pritchard Whitaker Barker Fraser MacLeod Campbell Stewart Robertson Reid Ferguson"""
_DE_FIRST = """Lukas Leon Finn Jonas Paul Felix Maximilian Elias Noah Luis Julian Moritz Jan Tim Niklas
Philipp Tobias Florian Sebastian Alexander Stefan Thomas Michael Andreas Christian Markus Matthias Daniel
Martin Frank Jürgen Klaus Wolfgang Uwe Dirk Sven Anna Lena Lea Hannah Mia Emma Sophie Laura Julia Sarah
Katharina Lisa Johanna Marie Clara Paula Nina Sandra Claudia Sabine Petra Andrea Nicole Susanne Stefanie
Birgit Anja Kerstin Monika Ursula Leonie Jana Franziska Theresa Magdalena Elisabeth Lorenz Valentin Jakob"""
_DE_LAST = """Müller Schmidt Schneider Fischer Weber Meyer Wagner Becker Schulz Hoffmann Schäfer Koch
Bauer Richter Klein Wolf Schröder Neumann Schwarz Zimmermann Braun Krüger Hofmann Hartmann Lange Schmitt
Werner Schmitz Krause Meier Lehmann Schmid Schulze Maier Köhler Herrmann König Walter Mayer Huber Kaiser
Fuchs Peters Lang Scholz Möller Weiß Jung Hahn Schubert Vogel Friedrich Keller Günther Frank Berger
Winkler Roth Beck Lorenz Baumann Franke Albrecht Schuster Simon Ludwig Böhm Winter Kraus Martin Schumacher
Krämer Vogt Stein Jäger Otto Sommer Groß Seidel Heinrich Brandt Haas Schreiber Graf Gruber Steiner
Moser Hofer Pichler Leitner Eder Brunner Wimmer Egger Lechner Ammann Frei Gerber Baumgartner Bühler"""
_FR_FIRST = """Jean Pierre Michel Philippe Alain Nicolas Christophe Laurent Frédéric Julien Thomas Antoine
Mathieu Sébastien Olivier François Guillaume Hugo Lucas Louis Gabriel Arthur Raphaël Marie Nathalie
Isabelle Sylvie Catherine Sophie Camille Julie Céline Aurélie Émilie Claire Léa Chloé Manon Inès Sarah
Juliette Margaux Pauline Élodie Hélène Anne Valérie Agnès Benoît Étienne Mathilde Amélie Océane Théo"""
_FR_LAST = """Martin Bernard Thomas Petit Robert Richard Durand Dubois Moreau Laurent Simon Michel
Lefebvre Leroy Roux David Bertrand Morel Fournier Girard Bonnet Dupont Lambert Fontaine Rousseau Vincent
Muller Lefèvre Faure André Mercier Blanc Guérin Boyer Garnier Chevalier François Legrand Gauthier
Garcia Perrin Robin Clément Morin Nicolas Henry Roussel Mathieu Gautier Masson Marchand Duval Denis
Dumont Marie Lemaire Noël Meyer Dufour Meunier Brun Blanchard Giraud Joly Rivière Lucas Brunet Gaillard"""
_NL_FIRST = """Daan Sem Lucas Levi Finn Milan Jesse Bram Thijs Lars Ruben Niels Jeroen Pieter Bas Sander
Joost Wouter Maarten Koen Emma Julia Sophie Tess Anna Zoë Eva Sara Fleur Lotte Lisa Anouk Sanne Femke
Iris Marloes Ingrid Annemieke Esther Marieke Willem Hendrik Joris Floor Roos Noor Jasper Stijn Tijn Mees"""
_NL_LAST = """de Jong Jansen de Vries van den Berg van Dijk Bakker Janssen Visser Smit Meijer de Boer
Mulder de Groot Bos Vos Peters Hendriks van Leeuwen Dekker Brouwer de Wit Dijkstra Smits de Graaf van der
Meer van der Linden Kok Jacobs de Haan Vermeulen van den Heuvel van der Veen van den Broek de Bruijn
de Bruin van der Heijden Schouten van Beek Willems van Vliet van de Ven Hoekstra Maas Verhoeven Koster
van Dam van der Wal Prins Blom Huisman Peeters de Jonge Kuipers van Veen Post Kuiper Veenstra"""
_SG_FIRST = """Wei Ling Jun Jie Hui Min Zhi Hao Xin Yi Jia Hui Kai Wen Mei Ling Shu Fen Wei Ming Siti
Nur Aisyah Muhammad Ahmad Farah Hafiz Rajesh Priya Kumar Deepa Arun Kavitha Daniel Rachel Marcus Jasmine
Ryan Natalie Benjamin Grace Ethan Chloe Nicholas Samantha Darren Vanessa Gabriel Cheryl"""
_SG_LAST = """Tan Lim Lee Ng Ong Wong Goh Chua Chan Koh Teo Ang Yeo Tay Ho Low Toh Sim Chong Chia Seah
Foo Leong Lau Quek Phua Yap Loh Kumar Nair Pillai Menon Raj Singh Rahman Abdullah Ismail Hassan Ibrahim"""


def _words(text: str) -> list[str]:
    return text.split()


def _dutch_surnames(text: str) -> list[str]:
    # Keep the tussenvoegsel with its surname ("van den Berg").
    out: list[str] = []
    particle: list[str] = []
    for word in text.split():
        if word[0].islower():
            particle.append(word)
        else:
            out.append(" ".join(particle + [word]))
            particle = []
    return out


NAMES: dict[str, tuple[list[str], list[str]]] = {
    "en": (_words(_EN_FIRST), _words(_EN_LAST)),
    "uk": (_words(_EN_FIRST), _words(_EN_LAST) + _words(_UK_LAST_EXTRA)),
    "de": (_words(_DE_FIRST), _words(_DE_LAST)),
    "fr": (_words(_FR_FIRST), _words(_FR_LAST)),
    "nl": (_words(_NL_FIRST), _dutch_surnames(_NL_LAST)),
    "sg": (_words(_SG_FIRST), _words(_SG_LAST)),
}
# Language area of each country the generator places companies in; Switzerland mixes two.
COUNTRY_NAMES: dict[str, list[tuple[str, float]]] = {
    "US": [("en", 1.0)],
    "CA": [("en", 0.8), ("fr", 0.2)],
    "GB": [("uk", 1.0)],
    "IE": [("uk", 1.0)],
    "AU": [("uk", 1.0)],
    "DE": [("de", 1.0)],
    "AT": [("de", 1.0)],
    "CH": [("de", 0.7), ("fr", 0.3)],
    "FR": [("fr", 1.0)],
    "NL": [("nl", 1.0)],
    "SG": [("sg", 0.85), ("en", 0.15)],
}
