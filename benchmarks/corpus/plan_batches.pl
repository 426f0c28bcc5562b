#!/usr/bin/perl
# @file benchmarks/corpus/plan_batches.pl
# @brief Groups the sorted page list into render batches: up to 40 consecutive man(7) pages of one
#        package per groff run, each mdoc(7) page alone; ".so" alias pages are left out.
#
# Usage: perl plan_batches.pl RENDER_DIR < pages.tsv > batches.tsv
#   in:  lang<TAB>package<TAB>source page        out: batch file<TAB>macros<TAB>pages (space-separated)
use strict;
use warnings;

my $BATCH_PAGES = 40;
my ($render) = @ARGV;
die "usage: plan_batches.pl RENDER_DIR < pages.tsv\n" unless defined $render;

my (%count, @pages, $key);
sub emit {
    my ($k, $macros, @files) = @_;
    my ($lang, $package) = split /\t/, $k;
    printf "%s/%s/%s/batch-%04d.txt\t%s\t%s\n", $render, $lang, $package, ++$count{$k}, $macros,
        join(' ', @files);
}
sub flush { emit($key, 'man', @pages) if @pages; @pages = (); }

while (my $row = <STDIN>) {
    chomp $row;
    my ($lang, $package, $file) = split /\t/, $row;
    my $head = $file =~ /\.gz$/ ? `gzip -dc \Q$file\E | head -c 20000` : `head -c 20000 \Q$file\E`;
    my ($first) = grep { !/^\.\\"/ && /\S/ } split /\n/, $head;
    next if defined $first && $first =~ /^\.so\s/;   # another name of a page rendered elsewhere
    flush() if defined $key && $key ne "$lang\t$package";
    $key = "$lang\t$package";
    if ($head =~ /^\.Dd/m) {                         # BSD mdoc: its own groff run
        flush();
        emit($key, 'mdoc', $file);
        next;
    }
    push @pages, $file;
    flush() if @pages >= $BATCH_PAGES;
}
flush();
